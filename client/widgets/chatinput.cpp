#include "chatinput.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QTextBlock>
#include <QtMath>

namespace Hubbub::Client {

namespace {
constexpr int MaxVisibleLines = 8;
}

ChatInput::ChatInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // The box grows line by line while the text wraps, up to MaxVisibleLines.
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
        [this] { updateGeometry(); });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_silent)
            Q_EMIT edited();
    });
}

int ChatInput::lineHeight(int lines) const
{
    const int margins = 2 * frameWidth() + contentsMargins().top() + contentsMargins().bottom()
        + viewportMargins().top() + viewportMargins().bottom();
    return lines * fontMetrics().lineSpacing() + 2 * qCeil(document()->documentMargin()) + margins;
}

QSize ChatInput::sizeHint() const
{
    // QPlainTextDocumentLayout measures the document in lines, not pixels.
    const int lines
        = qBound(1, qCeil(document()->documentLayout()->documentSize().height()), MaxVisibleLines);
    return {QPlainTextEdit::sizeHint().width(), lineHeight(lines)};
}

QSize ChatInput::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), lineHeight(1)};
}

void ChatInput::setTextSilently(const QString &text)
{
    m_silent = true;
    setPlainText(text);
    moveCursor(QTextCursor::End);
    m_silent = false;
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (event->modifiers() & Qt::ShiftModifier) {
            // A real newline, not the line separator QPlainTextEdit puts in for Shift+Enter.
            textCursor().insertBlock();
            ensureCursorVisible();
        } else {
            Q_EMIT submitted(toPlainText());
        }
        event->accept();
        return;
    case Qt::Key_Up:
        if (document()->isEmpty() && event->modifiers() == Qt::NoModifier) {
            Q_EMIT editLastRequested();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Escape:
        Q_EMIT cancelRequested();
        event->accept();
        return;
    default:
        break;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Hubbub::Client
