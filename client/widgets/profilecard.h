#pragma once

#include "types.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Hubbub::Client {

class Avatar;
class Session;

//! A small popup about one person, opened by clicking their name or avatar: the picture, the
//! display name, the username, the role and whether they are online, kept up to date while it
//! shows. "Message" opens a direct conversation with them; on your own card, "Edit profile…".
class ProfileCard final : public QFrame
{
    Q_OBJECT
public:
    ProfileCard(Session *session, const User &user, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ProfileCard)

    //! Shows the card as a popup with its top left corner near `globalPos`, on screen.
    void popup(const QPoint &globalPos);
    User user() const { return m_user; }
    QLabel *nameLabel() const { return m_name; }
    QLabel *stateLabel() const { return m_state; }
    //! Only on your own card; nullptr on others'.
    QPushButton *editButton() const { return m_edit; }
    //! Only on others' cards; nullptr on your own.
    QPushButton *messageButton() const { return m_message; }

Q_SIGNALS:
    void editRequested();
    //! "Message": open the direct conversation with this person.
    void messageRequested(qint64 userId);

private:
    void setUser(const User &user);
    void updateState();

    Session *m_session;
    User m_user;
    Avatar *m_avatar;
    QLabel *m_name;
    QLabel *m_username;
    QLabel *m_state;
    QPushButton *m_edit = nullptr;
    QPushButton *m_message = nullptr;
};

} // namespace Hubbub::Client
