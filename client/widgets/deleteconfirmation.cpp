#include "deleteconfirmation.h"

#include "charwidth.h"

#include <QGridLayout>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace Hubbub::Client {

QMessageBox *DeleteConfirmation::ask(QWidget *parent, const QString &title, const QString &question,
    const QString &details, std::function<void()> onDelete)
{
    auto *box = new QMessageBox(
        QMessageBox::Question, title, question, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setInformativeText(details);
    // The button says what it does: "Yes" answers a question the user has to read twice.
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // QMessageBox sizes itself from its texts only: with a short title it was 199 px wide, its
    // window title cut. A spacer under the texts gives it a readable width.
    if (auto *grid = qobject_cast<QGridLayout *>(box->layout())) {
        const QFontMetrics metrics = box->fontMetrics();
        const int width
            = std::max(charWidth(metrics) * 48, metrics.horizontalAdvance(box->windowTitle()) * 3);
        grid->addItem(new QSpacerItem(width, 0, QSizePolicy::Minimum, QSizePolicy::Fixed),
            grid->rowCount(), 0, 1, grid->columnCount());
    }
    QObject::connect(box, &QMessageBox::finished, box, [box, onDelete = std::move(onDelete)] {
        if (box->clickedButton() == box->button(QMessageBox::Yes) && onDelete)
            onDelete();
    });
    box->open();
    return box;
}

} // namespace Hubbub::Client
