#pragma once

#include "session.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Hubbub::Client {

class Avatar;

//! "Edit profile": your display name and picture (choose one, or remove it). Saving waits for
//! the server, so a refusal shows here, beside what was typed.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ProfileDialog)

    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *chooseButton() const { return m_choose; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *saveButton() const;
    QLabel *errorLabel() const { return m_error; }
    //! Takes the picture in `path` as the new avatar (what "Choose picture…" does after its
    //! file dialog); false, with the reason shown, when it cannot be used.
    bool choosePicture(const QString &path);

    void accept() override;

private:
    void pickPicture();
    void removePicture();
    void updateState();

    Session *m_session;
    Avatar *m_avatar;
    QLineEdit *m_name;
    QLabel *m_count;
    QPushButton *m_choose;
    QPushButton *m_remove;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    ImageChange m_picture;
    bool m_saving = false;
};

} // namespace Hubbub::Client
