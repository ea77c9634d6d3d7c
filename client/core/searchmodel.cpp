#include "searchmodel.h"

#include "connection.h"
#include "messagetype.h"
#include "reply.h"
#include "types.h"

#include <QJsonArray>
#include <QPoint>

namespace Hubbub::Client {

namespace {

constexpr int PageSize = 20;

} // namespace

SearchModel::SearchModel(Connection *connection, QObject *parent)
    : QAbstractListModel(parent)
    , m_connection(connection)
{ }

SearchModel::~SearchModel() = default;

void SearchModel::setQuery(const QString &query)
{
    const QString trimmed = query.trimmed();
    if (trimmed == m_query && m_state != State::Failed)
        return;
    ++m_generation;
    m_query = trimmed;
    m_more = false;
    m_errorText.clear();
    // A new query is a new list, not a change to the old one.
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (m_query.isEmpty()) {
        setState(State::Idle);
        return;
    }
    requestPage();
}

void SearchModel::requestPage()
{
    setState(State::Loading);
    const quint64 generation = m_generation;
    m_connection->request(MessageType::Search,
        {{QStringLiteral("query"), m_query}, {QStringLiteral("limit"), PageSize},
            {QStringLiteral("offset"), int(m_rows.size())}},
        this, [this, generation](const Reply &reply) {
            if (generation != m_generation)
                return;
            if (!reply.ok()) {
                m_errorText = reply.error().message;
                setState(State::Failed);
                return;
            }
            const QJsonArray results = reply.result().value(QStringLiteral("results")).toArray();
            QList<Row> rows;
            for (const QJsonValue &value : results) {
                const QJsonObject result = value.toObject();
                Row row;
                if (result.value(QStringLiteral("kind")).toString() == u"post") {
                    const Post post
                        = Post::fromJson(result.value(QStringLiteral("post")).toObject());
                    row.kind = Kind::Post;
                    row.id = post.id;
                    row.author = post.author.username;
                    row.createdAt = parseTimestamp(post.createdAt);
                    row.title = post.title;
                } else {
                    const Message message
                        = Message::fromJson(result.value(QStringLiteral("message")).toObject());
                    row.id = message.id;
                    row.channelId = message.channelId;
                    row.author = message.author.username;
                    row.createdAt = parseTimestamp(message.createdAt);
                }
                const QJsonObject snippet = result.value(QStringLiteral("snippet")).toObject();
                row.snippet = snippet.value(QStringLiteral("text")).toString();
                for (const QJsonValue &range :
                    snippet.value(QStringLiteral("highlights")).toArray()) {
                    const QJsonArray pair = range.toArray();
                    const int start = pair.at(0).toInt();
                    const int length = pair.at(1).toInt();
                    // Trust no range past the text: it is painted from these.
                    if (start >= 0 && length > 0 && start + length <= row.snippet.size())
                        row.highlights.append(QPoint(start, length));
                }
                if (row.id > 0)
                    rows.append(row);
            }
            m_more = reply.result().value(QStringLiteral("more")).toBool();
            if (!rows.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
                m_rows += rows;
                endInsertRows();
            }
            setState(State::Done);
        });
}

void SearchModel::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SnippetRole:
        return row.snippet;
    case KindRole:
        return QVariant::fromValue(row.kind);
    case IdRole:
        return row.id;
    case ChannelIdRole:
        return row.channelId;
    case AuthorRole:
        return row.author;
    case CreatedAtRole:
        return row.createdAt;
    case TitleRole:
        return row.title;
    case HighlightsRole:
        return row.highlights;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(IdRole, "entryId");
    names.insert(ChannelIdRole, "channelId");
    names.insert(AuthorRole, "author");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(TitleRole, "title");
    names.insert(SnippetRole, "snippet");
    names.insert(HighlightsRole, "highlights");
    return names;
}

bool SearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && m_state == State::Done;
}

void SearchModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

} // namespace Hubbub::Client
