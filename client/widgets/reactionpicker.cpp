#include "reactionpicker.h"

#include "validation.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace Hubbub::Client {

ReactionPicker::ReactionPicker(QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_custom(new QLineEdit(this))
{
    setObjectName(QStringLiteral("reactionPicker"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Add reaction"));
    auto *grid = new QGridLayout;
    grid->setSpacing(2);
    const QStringList emoji = commonEmoji();
    for (qsizetype i = 0; i < emoji.size(); ++i) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("emoji%1").arg(i));
        button->setText(emoji.at(i));
        button->setAutoRaise(true);
        button->setAccessibleName(emoji.at(i));
        QFont font = button->font();
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * 1.3);
        button->setFont(font);
        connect(button, &QToolButton::clicked, this, [this, e = emoji.at(i)] { pick(e); });
        grid->addWidget(button, int(i / 8), int(i % 8));
        m_buttons.append(button);
    }
    m_custom->setObjectName(QStringLiteral("customEmoji"));
    m_custom->setPlaceholderText(tr("Any emoji, then Enter"));
    m_custom->setAccessibleName(tr("Other reaction"));
    connect(m_custom, &QLineEdit::returnPressed, this, [this] {
        const QString emoji = m_custom->text().trimmed();
        // The server's rule, checked here so that a word is refused at once, not later.
        if (Validation::checkEmoji(emoji)) {
            m_custom->selectAll();
            m_custom->setToolTip(tr("A reaction is an emoji or a symbol, not a word."));
            return;
        }
        pick(emoji);
    });
    auto *layout = new QVBoxLayout(this);
    const int unit = fontMetrics().height() / 3;
    layout->setContentsMargins(unit, unit, unit, unit);
    layout->addLayout(grid);
    layout->addWidget(m_custom);
}

QStringList ReactionPicker::commonEmoji()
{
    return {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"), QStringLiteral("🎉"),
        QStringLiteral("😮"), QStringLiteral("😢"), QStringLiteral("👀"), QStringLiteral("✅")};
}

void ReactionPicker::pick(const QString &emoji)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT picked(emoji);
    close();
}

} // namespace Hubbub::Client
