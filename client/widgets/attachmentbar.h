#pragma once

#include <QWidget>

class QToolButton;
class QVBoxLayout;

namespace Hubbub::Client {

class Uploads;

//! The files a composer is attaching (part "files"): one row per upload with its name, a
//! progress bar and a cancel button, hidden while there are none. It also gives the composer
//! its "Attach" button and takes files dropped on the composer's widgets.
class AttachmentBar final : public QWidget
{
    Q_OBJECT
public:
    AttachmentBar(Uploads *uploads, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AttachmentBar)

    //! A paper-clip button that asks for files to attach; the caller places it.
    QToolButton *makeAttachButton(QWidget *parent);
    //! Files dropped on `target` (and dragged over it) are attached instead of pasted.
    void acceptDropsOn(QWidget *target);
    //! Attaches the files at `paths` (what a drop or the file dialog gives).
    void attach(const QStringList &paths);
    Uploads *uploads() const { return m_uploads; }
    //! Shows (and attaches to) `uploads` instead: one per conversation, as drafts are.
    void setUploads(Uploads *uploads);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    Uploads *m_uploads = nullptr;
    QVBoxLayout *m_rows;
};

} // namespace Hubbub::Client
