#include "attachmentbar.h"

#include "attachmentlines.h"
#include "uploads.h"

#include <QAbstractScrollArea>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QToolButton>
#include <QUrl>

namespace Hubbub::Client {

namespace {

//! The local files a drag carries; empty when it carries anything else.
QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

//! Where "Attach files" opens: the folder files were last attached from while the app runs,
//! else home (never the working directory the app happened to be started in).
QString &lastDirectory()
{
    static QString directory;
    return directory;
}

QString dialogDirectory()
{
    const QString last = lastDirectory();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : QDir::homePath();
}

} // namespace

AttachmentBar::AttachmentBar(Uploads *uploads, QWidget *parent)
    : QWidget(parent)
    , m_rows(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("attachmentBar"));
    const int unit = fontMetrics().height();
    m_rows->setContentsMargins(unit / 2, unit / 4, unit / 2, 0);
    m_rows->setSpacing(unit / 4);
    setAcceptDrops(true);
    acceptDropsOn(this);
    setUploads(uploads);
}

void AttachmentBar::setUploads(Uploads *uploads)
{
    if (uploads == m_uploads)
        return;
    if (m_uploads)
        disconnect(m_uploads, nullptr, this, nullptr);
    m_uploads = uploads;
    connect(m_uploads, &QAbstractItemModel::rowsInserted, this, &AttachmentBar::rebuild);
    connect(m_uploads, &QAbstractItemModel::rowsRemoved, this, &AttachmentBar::rebuild);
    connect(m_uploads, &QAbstractItemModel::dataChanged, this, &AttachmentBar::rebuild);
    connect(m_uploads, &Uploads::refused, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Attach a file"), message);
    });
    rebuild();
}

QToolButton *AttachmentBar::makeAttachButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("attachButton"));
    button->setText(QStringLiteral("📎"));
    button->setToolTip(tr("Attach files (up to 100 MiB each)"));
    button->setAccessibleName(tr("Attach files"));
    button->setAutoRaise(true);
    connect(button, &QToolButton::clicked, this, [this, button] {
        const QStringList paths
            = QFileDialog::getOpenFileNames(button, tr("Attach files"), dialogDirectory());
        if (!paths.isEmpty())
            lastDirectory() = QFileInfo(paths.first()).absolutePath();
        attach(paths);
    });
    acceptDropsOn(button);
    return button;
}

void AttachmentBar::acceptDropsOn(QWidget *target)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
    // A text box gets its drags on its viewport and handles them there, past filters on the
    // box itself.
    if (auto *area = qobject_cast<QAbstractScrollArea *>(target)) {
        area->viewport()->setAcceptDrops(true);
        area->viewport()->installEventFilter(this);
    }
}

void AttachmentBar::attach(const QStringList &paths)
{
    for (const QString &path : paths)
        m_uploads->add(path);
}

bool AttachmentBar::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (localFiles(drag->mimeData()).isEmpty())
            break;
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localFiles(drop->mimeData());
        if (paths.isEmpty())
            break;
        drop->acceptProposedAction();
        attach(paths);
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void AttachmentBar::rebuild()
{
    // A few rows at most: rebuilt whole, which keeps them in the model's order.
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int row = 0; row < m_uploads->rowCount(); ++row) {
        const QModelIndex index = m_uploads->index(row);
        const auto state = index.data(Uploads::StateRole).value<Uploads::State>();
        const qint64 size = index.data(Uploads::SizeRole).toLongLong();
        const qint64 sent = index.data(Uploads::SentRole).toLongLong();
        auto *line = new QWidget(this);
        line->setObjectName(QStringLiteral("uploadRow"));
        auto *layout = new QHBoxLayout(line);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *name = new QLabel(line);
        name->setTextFormat(Qt::PlainText);
        name->setText(index.data(Uploads::NameRole).toString() + QStringLiteral(" · ")
            + AttachmentLines::sizeText(size));
        layout->addWidget(name, 1);
        auto *status = new QLabel(line);
        status->setObjectName(QStringLiteral("uploadStatus"));
        status->setTextFormat(Qt::PlainText);
        status->setForegroundRole(QPalette::PlaceholderText);
        switch (state) {
        case Uploads::State::Hashing:
            status->setText(tr("Preparing…"));
            break;
        case Uploads::State::Waiting:
            status->setText(tr("Waiting for the connection…"));
            break;
        case Uploads::State::Failed:
            status->setText(index.data(Uploads::ErrorRole).toString());
            break;
        case Uploads::State::Done:
            status->setText(tr("Ready"));
            break;
        case Uploads::State::Uploading:
            break;
        }
        if (state == Uploads::State::Uploading || state == Uploads::State::Waiting) {
            auto *progress = new QProgressBar(line);
            progress->setObjectName(QStringLiteral("uploadProgress"));
            progress->setRange(0, 1000);
            progress->setValue(size > 0 ? int(sent * 1000 / size) : 1000);
            progress->setTextVisible(false);
            progress->setMaximumWidth(fontMetrics().averageCharWidth() * 16);
            layout->addWidget(progress);
        }
        layout->addWidget(status);
        auto *cancel = new QToolButton(line);
        cancel->setObjectName(QStringLiteral("uploadCancel"));
        cancel->setText(QStringLiteral("✕"));
        cancel->setAutoRaise(true);
        cancel->setToolTip(tr("Remove this file"));
        cancel->setAccessibleName(tr("Remove this file"));
        const QString localId = index.data(Uploads::LocalIdRole).toString();
        connect(cancel, &QToolButton::clicked, this, [this, localId] {
            QMetaObject::invokeMethod(
                this, [this, localId] { m_uploads->cancel(localId); }, Qt::QueuedConnection);
        });
        layout->addWidget(cancel);
        m_rows->addWidget(line);
    }
    setVisible(m_uploads->rowCount() > 0);
}

} // namespace Hubbub::Client
