#include "replybar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Hubbub::Client {

ReplyBar::ReplyBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("replyBar"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_label->setObjectName(QStringLiteral("replyLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setMinimumWidth(1);
    m_cancel->setObjectName(QStringLiteral("cancelReply"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    m_cancel->setAccessibleName(tr("Cancel the reply"));
    m_cancel->setToolTip(tr("Cancel the reply (Esc)"));
    connect(m_cancel, &QToolButton::clicked, this, &ReplyBar::cancelled);
    const int unit = fontMetrics().height();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(unit * 3 / 4, unit / 4, unit / 2, unit / 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_cancel);
}

void ReplyBar::setQuote(const QString &author, const QString &text)
{
    m_author = author;
    m_quote = text;
    updateText();
}

QString ReplyBar::text() const
{
    return m_label->text();
}

void ReplyBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateText();
}

void ReplyBar::updateText()
{
    QString first = m_quote.section(QLatin1Char('\n'), 0, 0);
    const QString full = tr("Replying to %1: %2").arg(m_author, first);
    m_label->setToolTip(full);
    m_label->setText(m_label->fontMetrics().elidedText(full, Qt::ElideRight, m_label->width()));
}

} // namespace Hubbub::Client
