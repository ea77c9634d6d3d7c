#include "statuslabel.h"

#include <QLabel>

namespace Hubbub::Client {

void showStatus(QLabel *label, const QString &text, bool error)
{
    QPalette palette = label->palette();
    const QWidget *owner = label->parentWidget() ? label->parentWidget() : label;
    palette.setColor(QPalette::WindowText,
        error ? QColor(0xd0, 0x30, 0x30) : owner->palette().color(QPalette::WindowText));
    label->setPalette(palette);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace Hubbub::Client
