#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace Hubbub::Client {

class Downloads;

//! The newest download (part "files"): its name and progress, then where it landed with a
//! "Show in folder" button, which opens the folder and never the file. Hidden until the
//! first download and after it is closed.
class DownloadsBar final : public QWidget
{
    Q_OBJECT
public:
    DownloadsBar(Downloads *downloads, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DownloadsBar)

private:
    void update(int row);

    Downloads *m_downloads;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_showFolder;
    QToolButton *m_close;
    int m_row = -1;
};

} // namespace Hubbub::Client
