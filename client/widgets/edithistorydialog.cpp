#include "edithistorydialog.h"

#include "reply.h"
#include "session.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Hubbub::Client {

EditHistoryDialog::EditHistoryDialog(
    Session *session, qint64 messageId, qint64 postId, QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(tr("Loading…"), this))
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Edit history"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_list->setWordWrap(true);
    m_list->setSpacing(4);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setAccessibleName(tr("Versions, oldest first"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(480, 360);
    if (!session)
        return;
    session->listVersions(messageId, postId, this, [this](const Reply &reply) {
        if (!reply.ok()) {
            m_status->setText(reply.error().message);
            return;
        }
        QList<EntryVersion> versions;
        for (const QJsonValue &v : reply.result().value(QStringLiteral("versions")).toArray())
            versions.append(EntryVersion::fromJson(v.toObject()));
        setVersions(versions);
    });
}

void EditHistoryDialog::setVersions(const QList<EntryVersion> &versions)
{
    m_list->clear();
    m_status->setText(tr("%n version(s), oldest first", nullptr, int(versions.size())));
    for (const EntryVersion &version : versions) {
        const QString when
            = QLocale().toString(parseTimestamp(version.at).toLocalTime(), QLocale::ShortFormat);
        const QString text
            = version.isPost ? version.title + QLatin1Char('\n') + version.content : version.text;
        // "ada · 05/12/2026 17:40", then the text as typed (Markdown source: what changed
        // shows, markup included).
        auto *item = new QListWidgetItem(
            tr("%1 · %2").arg(version.editor.username, when) + QLatin1Char('\n') + text, m_list);
        item->setData(Qt::UserRole, version.at);
    }
}

} // namespace Hubbub::Client
