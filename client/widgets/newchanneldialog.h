#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Hubbub::Client {

class Session;

//! Asks for a channel's name and topic and creates it. Accepted once the server has the
//! channel (channelId()); a refusal ("name taken") shows in the dialog. Sized from its
//! contents: its title, labels and placeholders show whole in every language.
class NewChannelDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit NewChannelDialog(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(NewChannelDialog)

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *topicEdit() const { return m_topic; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *createButton() const;
    //! The channel created, once accepted.
    qint64 channelId() const { return m_channelId; }

private:
    void submit();
    void showError(const QString &message);

    Session *m_session;
    QLineEdit *m_name;
    QLineEdit *m_topic;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    qint64 m_channelId = 0;
};

} // namespace Hubbub::Client
