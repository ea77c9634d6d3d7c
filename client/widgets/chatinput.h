#pragma once

#include <QPlainTextEdit>

namespace Hubbub::Client {

//! The message box under a chat: Enter sends, Shift+Enter starts a new line, Up in an empty
//! box asks to edit the last message, Esc asks to cancel. It grows with its text up to a few
//! lines. It only reports keys; ChatView decides what they do.
class ChatInput final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ChatInput(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    //! Replaces the text without emitting edited(), e.g. to load a message for editing.
    void setTextSilently(const QString &text);

Q_SIGNALS:
    //! Enter without Shift; `text` is the whole box, untrimmed.
    void submitted(const QString &text);
    //! Up in an empty box.
    void editLastRequested();
    void cancelRequested();
    //! The user changed the text (not setTextSilently()).
    void edited();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int lineHeight(int lines) const;

    bool m_silent = false;
};

} // namespace Hubbub::Client
