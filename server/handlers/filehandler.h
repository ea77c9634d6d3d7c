#pragma once

#include "handlers/handler.h"
#include "store/filestore.h"

#include <QHash>

#include <deque>

namespace Hubbub::Server {

//! file.begin, file.chunk, file.finish, file.cancel, file.get (part "files"). The bytes are
//! decoded, written, hashed and read on the worker threads, the rows written by the writer;
//! the network thread keeps only the state of each upload in progress, which also puts the
//! steps of one upload (chunks, finish, cancel) in order, one at a time.
class FileHandler final : public Handler
{
public:
    explicit FileHandler(ServerContext &context);
    QList<MessageType> types() const override;
    void handle(const Caller &caller, const Request &request, const Responder &reply) override;

    //! `<database>.files`.
    const QString &directory() const { return m_dir; }

private:
    struct Step
    {
        std::function<void()> run;
        Responder reply;
        bool cancel = false; //!< a file.cancel: still run when the upload is forgotten
    };
    struct Upload
    {
        FileStore::Upload meta;
        qint64 accepted = 0; //!< bytes of the chunks accepted so far, written or queued
        qint64 written = 0; //!< bytes in the partial file
        bool busy = false;
        std::deque<Step> steps;
    };

    void begin(const User &user, const Params &params, const Responder &reply);
    void chunk(const User &user, const Params &params, const Responder &reply);
    void finish(const User &user, const Params &params, const Responder &reply);
    void cancel(const User &user, const Params &params, const Responder &reply);
    void get(const User &user, const Params &params, const Responder &reply);

    //! The upload's state: kept while steps of it are queued or running, else read from its
    //! row and its partial file; null when there is no such upload.
    Result<Upload *> uploadOf(qint64 userId, const QString &fileId);
    void enqueue(const QString &key, Step step);
    void runNext(const QString &key);
    //! Ends the running step of `key`, then runs the next; with none left, forgets the state.
    void stepDone(const QString &key);
    //! Forgets the state of `key` if no step of it is queued or running; true if it did.
    bool releaseIfIdle(const QString &key);
    //! Forgets an upload; its queued steps answer `not_found`, but for cancels, which run.
    void forget(const QString &key);

    QString m_dir;
    QHash<QString, Upload> m_uploads;
};

//! The optional `files` of chat.send, post.create and post.update: distinct file ids, at most
//! Limits::FilesPerEntryMax; nullopt when absent (or null).
Result<std::optional<QStringList>> attachedFileIds(const Params &params);

} // namespace Hubbub::Server
