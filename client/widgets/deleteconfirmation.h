#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace Hubbub::Client {

//! The question asked before a post or a message is deleted for everyone, the same for both:
//! Delete and Cancel (the default, so Enter keeps the entry), window-modal, wide enough for its
//! title and texts.
class DeleteConfirmation final
{
    Q_DECLARE_TR_FUNCTIONS(DeleteConfirmation)
public:
    DeleteConfirmation() = delete;

    //! Opens the question (objectName "deleteConfirmation", deleted when closed); `onDelete`
    //! runs if the user chooses Delete. Delete is the box's QMessageBox::Yes button.
    static QMessageBox *ask(QWidget *parent, const QString &title, const QString &question,
        const QString &details, std::function<void()> onDelete);
};

} // namespace Hubbub::Client
