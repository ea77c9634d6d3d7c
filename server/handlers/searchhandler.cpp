#include "handlers/searchhandler.h"

#include "protocollimits.h"
#include "serverframe.h"
#include "store/chatstore.h"
#include "store/poststore.h"
#include "store/searchquery.h"
#include "store/searchstore.h"
#include "store/sqlconnection.h"
#include "store/userstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace Hubbub::Server {

namespace {

//! The messages of this file, under one context that lupdate can see. The server sends
//! them in English (it knows no reader's language); the client shows its own text.
struct SearchText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Server::SearchHandler)
};

//! An optional time bound in any ISO 8601 form with a zone, as the database stores it.
Result<QString> timeBound(const Params &params, const QString &key)
{
    const Result<std::optional<QString>> text = params.optionalString(key);
    if (!text)
        return text.error();
    if (!*text)
        return QString();
    const QDateTime time = QDateTime::fromString(**text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        return makeError(ErrorCode::Invalid,
            SearchText::tr("'%1' must be an ISO 8601 time with a zone, such as "
                           "2026-01-31T09:00:00Z.")
                .arg(key),
            key);
    }
    return formatTimestamp(time);
}

template<typename Enum>
Result<Enum> choice(const Params &params, const QString &key,
    std::initializer_list<std::pair<const char *, Enum>> names, Enum fallback)
{
    const Result<std::optional<QString>> text = params.optionalString(key);
    if (!text)
        return text.error();
    if (!*text)
        return fallback;
    QStringList known;
    for (const auto &[name, value] : names) {
        if (**text == QLatin1StringView(name))
            return value;
        known.append(QLatin1StringView(name));
    }
    return makeError(ErrorCode::Invalid,
        SearchText::tr("'%1' must be one of: %2.").arg(key, known.join(QStringLiteral(", "))), key);
}

Result<SearchStore::Query> queryFrom(const Params &params)
{
    SearchStore::Query q;
    const Result<QString> typed = params.string(QStringLiteral("query"));
    if (!typed)
        return typed.error();
    const Result<QList<SearchQuery::Term>> terms = SearchQuery::parse(*typed);
    if (!terms)
        return terms.error();
    q.terms = *terms;
    q.match = SearchQuery::toFts(*terms);
    const Result<SearchStore::Scope> scope
        = choice<SearchStore::Scope>(params, QStringLiteral("in"),
            {{"all", SearchStore::Scope::All}, {"messages", SearchStore::Scope::Messages},
                {"posts", SearchStore::Scope::Posts}},
            SearchStore::Scope::All);
    if (!scope)
        return scope.error();
    q.scope = *scope;
    const Result<SearchStore::Order> order
        = choice<SearchStore::Order>(params, QStringLiteral("order"),
            {{"newest", SearchStore::Order::Newest}, {"relevance", SearchStore::Order::Relevance}},
            SearchStore::Order::Newest);
    if (!order)
        return order.error();
    q.order = *order;
    const Result<std::optional<qint64>> channelId = params.optionalId(QStringLiteral("channelId"));
    if (!channelId)
        return channelId.error();
    q.channelId = *channelId;
    const Result<std::optional<qint64>> authorId = params.optionalId(QStringLiteral("authorId"));
    if (!authorId)
        return authorId.error();
    q.authorId = *authorId;
    const Result<QString> after = timeBound(params, QStringLiteral("after"));
    if (!after)
        return after.error();
    q.after = *after;
    const Result<QString> before = timeBound(params, QStringLiteral("before"));
    if (!before)
        return before.error();
    q.before = *before;
    const Result<int> limit = params.limit(
        QStringLiteral("limit"), 1, Limits::SearchPageMax, Limits::SearchPageDefault);
    if (!limit)
        return limit.error();
    q.limit = *limit;
    const Result<std::optional<qint64>> offset = params.optionalInteger(QStringLiteral("offset"));
    if (!offset)
        return offset.error();
    if (*offset) {
        if (**offset < 0 || **offset > Limits::SearchOffsetMax) {
            return makeError(ErrorCode::Invalid,
                SearchText::tr("'offset' must be between 0 and %1.").arg(Limits::SearchOffsetMax),
                QStringLiteral("offset"));
        }
        q.offset = int(**offset);
    }
    return q;
}

//! The reply's result: the page, each entry as the caller would get it from chat.history or
//! post.get, read in one transaction so that the page is one snapshot.
Result<QJsonObject> run(SqlConnection &c, const SearchStore::Query &q)
{
    if (q.channelId) {
        const Result<bool> readable = ChatStore::mayRead(c, q.userId, *q.channelId);
        if (!readable)
            return readable.error();
        if (!*readable) {
            return makeError(ErrorCode::NotFound, SearchText::tr("This channel does not exist."),
                QStringLiteral("channelId"));
        }
    }
    if (q.authorId) {
        const Result<std::optional<User>> author = UserStore::findById(c, *q.authorId);
        if (!author)
            return author.error();
        if (!*author) {
            return makeError(ErrorCode::NotFound, SearchText::tr("This user does not exist."),
                QStringLiteral("authorId"));
        }
    }
    const Result<SearchStore::Page> page = SearchStore::search(c, q);
    if (!page)
        return page.error();
    QJsonArray results;
    for (const SearchStore::Hit &hit : page->hits) {
        if (hit.post) {
            const Result<std::optional<Post>> post = PostStore::get(c, hit.id);
            if (!post)
                return post.error();
            if (*post) {
                results.append(QJsonObject {{QStringLiteral("kind"), QStringLiteral("post")},
                    {QStringLiteral("post"), (*post)->toJson()},
                    {QStringLiteral("snippet"), hit.snippet.toJson()}});
            }
        } else {
            const Result<std::optional<Message>> message = ChatStore::message(c, hit.id);
            if (!message)
                return message.error();
            if (*message) {
                results.append(QJsonObject {{QStringLiteral("kind"), QStringLiteral("message")},
                    {QStringLiteral("message"), (*message)->toJson()},
                    {QStringLiteral("snippet"), hit.snippet.toJson()}});
            }
        }
    }
    return QJsonObject {{QStringLiteral("results"), results}, {QStringLiteral("more"), page->more}};
}

} // namespace

SearchHandler::SearchHandler(ServerContext &context)
    : Handler(context)
    , m_worker(DatabaseTarget::of(context.config),
          QStringLiteral("hubbub-search-%1").arg(quintptr(this), 0, 16))
{ }

QList<MessageType> SearchHandler::types() const
{
    return {MessageType::Search};
}

void SearchHandler::handle(const Caller &caller, const Request &request, const Responder &reply)
{
    Result<SearchStore::Query> query = queryFrom(Params(request.params));
    if (!query)
        return reply.fail(query.error());
    query->userId = caller.user->id;
    // Opened on first use: most servers never search, and it costs a thread.
    if (Status s = m_worker.start(); !s)
        return reply.fail(s.error());
    QObject *context = m_ctx.hub.networkContext();
    m_worker.post([context, reply, q = *query](SqlConnection &c) {
        QByteArray frame;
        std::optional<ErrorCode> failed;
        // One snapshot for the page and its entries (PostgreSQL: READ COMMITTED would read
        // each statement as of its own start).
        if (Status s = c.execOnce(c.pick(QStringLiteral("BEGIN"),
                QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")));
            !s) {
            frame = encodeErrorReply(reply.requestId(), s.error());
            failed = s.error().code;
        } else {
            const Result<QJsonObject> result = run(c, q);
            c.execOnce(QStringLiteral("COMMIT"));
            frame = result ? encodeOkReply(reply.requestId(), *result)
                           : encodeErrorReply(reply.requestId(), result.error());
            if (!result)
                failed = result.error().code;
        }
        QMetaObject::invokeMethod(
            context,
            [reply, frame, failed] {
                if (failed)
                    reply.sendError(frame, *failed);
                else
                    reply.send(frame);
            },
            Qt::QueuedConnection);
    });
}

} // namespace Hubbub::Server
