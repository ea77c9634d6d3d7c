#include "downloadsbar.h"

#include "downloads.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>

namespace Hubbub::Client {

DownloadsBar::DownloadsBar(Downloads *downloads, QWidget *parent)
    : QWidget(parent)
    , m_downloads(downloads)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_showFolder(new QPushButton(tr("Show in folder"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("downloadsBar"));
    m_label->setObjectName(QStringLiteral("downloadLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 16);
    m_showFolder->setObjectName(QStringLiteral("showInFolder"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close"));
    const int unit = fontMetrics().height();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(unit / 2, unit / 4, unit / 2, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_showFolder);
    layout->addWidget(m_close);
    hide();

    connect(m_downloads, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int, int last) {
            m_row = last;
            update(last);
            show();
        });
    connect(
        m_downloads, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
            if (topLeft.row() == m_row)
                update(m_row);
        });
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_showFolder, &QPushButton::clicked, this, [this] {
        // The folder, never the file: the app does not open what it downloaded.
        const QString path = m_downloads->index(m_row).data(Downloads::PathRole).toString();
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    });
}

void DownloadsBar::update(int row)
{
    const QModelIndex index = m_downloads->index(row);
    const auto state = index.data(Downloads::StateRole).value<Downloads::State>();
    const QString name = index.data(Downloads::NameRole).toString();
    const qint64 size = index.data(Downloads::SizeRole).toLongLong();
    const qint64 received = index.data(Downloads::ReceivedRole).toLongLong();
    m_progress->setVisible(state == Downloads::State::Downloading);
    m_progress->setValue(size > 0 ? int(received * 1000 / size) : 0);
    m_showFolder->setVisible(state == Downloads::State::Done);
    switch (state) {
    case Downloads::State::Downloading:
        m_label->setText(tr("Downloading %1…").arg(name));
        break;
    case Downloads::State::Done:
        m_label->setText(
            tr("Saved as %1")
                .arg(QFileInfo(index.data(Downloads::PathRole).toString()).fileName()));
        break;
    case Downloads::State::Failed:
        m_label->setText(
            tr("%1 was not downloaded: %2").arg(name, index.data(Downloads::ErrorRole).toString()));
        break;
    }
}

} // namespace Hubbub::Client
