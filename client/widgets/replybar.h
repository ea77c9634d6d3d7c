#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace Hubbub::Client {

//! The bar above the message box while composing a reply: "Replying to Ada: first line" and a
//! cancel button (Esc in the box cancels too).
class ReplyBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ReplyBar(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReplyBar)

    void setQuote(const QString &author, const QString &text);
    QString text() const;
    QToolButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelled();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateText();

    QLabel *m_label;
    QToolButton *m_cancel;
    QString m_author;
    QString m_quote;
};

} // namespace Hubbub::Client
