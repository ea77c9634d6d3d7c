#pragma once

#include "types.h"

#include <QByteArray>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace Hubbub::Client {

class AttachmentBar;
class Uploads;

//! An image file read from disk for an upload: its bytes and MIME type, or why it cannot be sent.
struct ImageFile
{
    QByteArray bytes;
    QString mime;
    QString fileName;
    QString error; //!< empty when the file can be sent

    //! Reads `path`, refusing what the server would refuse (too big, not png/jpeg/gif/webp)
    //! before anything is sent.
    static ImageFile load(const QString &path);
    //! The filter for QFileDialog.
    static QString dialogFilter();
    //! Where a file dialog for an image starts: the folder an image was last chosen from, else
    //! the pictures folder, else home; never a folder that does not exist.
    static QString dialogDirectory();
    //! Remembers the folder of `path`, chosen in a file dialog, for the next dialogDirectory().
    static void rememberDirectory(const QString &path);
};

//! The "new post" form above the feed: title, text, an optional image, and a Post button.
//! Ctrl+Enter posts from anywhere in it; without a title it says so instead. Emits
//! postRequested() and clears itself.
class Composer final : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Composer)

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *attachButton() const { return m_attach; }
    QPushButton *postButton() const { return m_post; }
    //! The attached image, small, with its name and a remove button beside it.
    QWidget *thumbnail() const;
    QToolButton *removeAttachmentButton() const { return m_removeAttachment; }
    //! Attaches an image without the file dialog; false (and a message shown) when refused.
    bool attachFile(const QString &path);
    void removeAttachment();
    bool hasAttachment() const { return !m_image.bytes.isEmpty(); }
    //! The message shown for a refused attachment or an over-long field; empty when none.
    QString errorText() const;
    //! Posts what is typed, if it may be posted.
    void submit();
    void clear();
    //! Lets the post carry files of any kind (part "files"): an attach button, drops, and the
    //! upload rows. Without it the composer attaches an image only, as before.
    void setUploads(Uploads *uploads);
    //! The uploaded files to post with the text (read while postRequested is emitted).
    QList<File> files() const;
    AttachmentBar *attachments() const { return m_attachments; }

Q_SIGNALS:
    void postRequested(
        const QString &title, const QString &content, const QByteArray &image, const QString &mime);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseImage();
    void updateState();
    bool canPost() const;

    QLineEdit *m_title;
    QPlainTextEdit *m_text;
    QPushButton *m_attach;
    class Thumbnail;
    QWidget *m_attachment; //!< the thumbnail, the name and the remove button
    Thumbnail *m_thumbnail;
    QLabel *m_attachmentName;
    QToolButton *m_removeAttachment;
    QLabel *m_counter;
    QLabel *m_error;
    QPushButton *m_post;
    ImageFile m_image;
    QString m_imageError;
    QString m_missing; //!< what a refused submit() lacked, until it is typed
    AttachmentBar *m_attachments = nullptr; // part "files"
};

} // namespace Hubbub::Client
