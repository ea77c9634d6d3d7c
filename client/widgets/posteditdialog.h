#pragma once

#include "composer.h"
#include "session.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace Hubbub::Client {

//! Edits a post's title and text, and keeps, removes or replaces its image. A post still in the
//! outbox can change only its text, so the image choice is hidden for it.
class PostEditDialog final : public QDialog
{
    Q_OBJECT
public:
    PostEditDialog(const QString &title, const QString &content, bool hasImage, bool pending,
        QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PostEditDialog)

    QString title() const;
    QString content() const;
    ImageChange imageChange() const;

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *okButton() const;
    QRadioButton *keepImageButton() const { return m_keep; }
    QRadioButton *removeImageButton() const { return m_remove; }
    QRadioButton *replaceImageButton() const { return m_replace; }
    //! Chooses the replacement without the file dialog; false (and a message) when refused.
    bool setReplacementFile(const QString &path);

private:
    void chooseFile();
    void updateState();

    QLineEdit *m_title;
    QPlainTextEdit *m_text;
    QRadioButton *m_keep;
    QRadioButton *m_remove;
    QRadioButton *m_replace;
    QPushButton *m_choose;
    QLabel *m_fileName;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    ImageFile m_file;
    QString m_fileError;
    bool m_hasImage;
};

} // namespace Hubbub::Client
