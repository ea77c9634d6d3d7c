#pragma once

#include "types.h"

#include <QDialog>

class QLabel;
class QListWidget;

namespace Hubbub::Client {

class Session;

//! The earlier versions of a message or post, oldest first, each with its time and editor
//! (docs/protocol.md "Edit history"), opened from "(edited)".
class EditHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditHistoryDialog)
public:
    //! Asks the server for the versions of message `messageId`, or of post `postId` when set.
    EditHistoryDialog(Session *session, qint64 messageId, qint64 postId, QWidget *parent = nullptr);
    //! Shows these versions (what the reply holds).
    void setVersions(const QList<EntryVersion> &versions);
    QListWidget *list() const { return m_list; }

private:
    QLabel *m_status;
    QListWidget *m_list;
};

} // namespace Hubbub::Client
