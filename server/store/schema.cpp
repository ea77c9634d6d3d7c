#include "store/schema.h"

#include "logging.h"
#include "serverframe.h"
#include "store/poststore.h"
#include "store/schemapostgres.h"
#include "store/sqlconnection.h"
#include "types.h"
#include "validation.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace Hubbub::Server {

namespace {

//! The users columns of step 7 (profiles), added once: by step 7, or earlier by a step that
//! reads posts or messages through the stores (step 3), whose queries name them.
Status addProfileColumns(SqlConnection &c)
{
    Result<QSqlQuery *> q = c.run(
        QStringLiteral("SELECT 1 FROM pragma_table_info('users') WHERE name = 'display_name'"));
    if (!q)
        return q.error();
    const bool present = (*q)->next();
    (*q)->finish();
    if (present)
        return Ok {};
    const QStringList statements {
        QStringLiteral("ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE users ADD COLUMN avatar_image_id TEXT REFERENCES images(id)"),
        QStringLiteral("ALTER TABLE users ADD COLUMN profile_seq INTEGER NOT NULL DEFAULT 0"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

Status migrateTo1(SqlConnection &c)
{
    const QStringList statements = {
        QStringLiteral("CREATE TABLE users ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " username TEXT NOT NULL COLLATE NOCASE UNIQUE,"
                       " password_hash TEXT NOT NULL,"
                       " role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " token_hash BLOB PRIMARY KEY,"
                       " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                       " created_at TEXT NOT NULL,"
                       " expires_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX sessions_user ON sessions(user_id)"),
        QStringLiteral("CREATE TABLE images ("
                       " id TEXT PRIMARY KEY,"
                       " mime TEXT NOT NULL,"
                       " width INTEGER NOT NULL,"
                       " height INTEGER NOT NULL,"
                       " data BLOB NOT NULL,"
                       " created_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE posts ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " author_id INTEGER NOT NULL REFERENCES users(id),"
                       " title TEXT NOT NULL,"
                       " content TEXT NOT NULL,"
                       " image_id TEXT REFERENCES images(id),"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT,"
                       " rating_sum INTEGER NOT NULL DEFAULT 0,"
                       " rating_count INTEGER NOT NULL DEFAULT 0,"
                       " nonce TEXT,"
                       " created_seq INTEGER NOT NULL,"
                       " UNIQUE (author_id, nonce))"),
        QStringLiteral("CREATE INDEX posts_image ON posts(image_id) WHERE image_id IS NOT NULL"),
        QStringLiteral("CREATE TABLE reviews ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
                       " author_id INTEGER NOT NULL REFERENCES users(id),"
                       " rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),"
                       " comment TEXT NOT NULL,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX reviews_post ON reviews(post_id, id)"),
        QStringLiteral("CREATE TABLE channels ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " name TEXT NOT NULL,"
                       " name_key TEXT NOT NULL UNIQUE,"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE messages ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " channel_id INTEGER NOT NULL REFERENCES channels(id),"
                       " author_id INTEGER NOT NULL REFERENCES users(id),"
                       " text TEXT NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " edited_at TEXT,"
                       " nonce TEXT,"
                       " created_seq INTEGER NOT NULL,"
                       " UNIQUE (author_id, nonce))"),
        QStringLiteral("CREATE INDEX messages_channel ON messages(channel_id, id)"),
        // The event log: seq is assigned by the single writer as head + 1 in the same
        // transaction as the change, so it is gap-free and never reused.
        QStringLiteral("CREATE TABLE events ("
                       " seq INTEGER PRIMARY KEY,"
                       " frame TEXT NOT NULL,"
                       " created_at TEXT NOT NULL)"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    Result<QSqlQuery *> general
        = c.run(QStringLiteral("INSERT INTO channels (name, name_key, topic, created_at) "
                               "VALUES ('general', 'general', ?, ?)"),
            {QStringLiteral("Anything and everything"), nowTimestamp()});
    if (!general)
        return general.error();
    return Ok {};
}

//! Reviews get nonces too, so that a review resent after a dropped connection is stored once;
//! created_seq lets the repeat answer with the original seq, as posts and messages do.
Status migrateTo2(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("ALTER TABLE reviews ADD COLUMN nonce TEXT"),
        QStringLiteral("ALTER TABLE reviews ADD COLUMN created_seq INTEGER"),
        QStringLiteral("CREATE UNIQUE INDEX reviews_nonce ON reviews(author_id, nonce)"
                       " WHERE nonce IS NOT NULL"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

//! A review is one per author and post (docs/protocol.md, `review.create`): the table is rebuilt
//! with UNIQUE (post_id, author_id), keeping the newest review of each author on each post,
//! and the ratings are counted again. The nonces move to their own table, keyed by author and
//! nonce and pointing at the post, so every nonce an author used on a post still finds the one
//! review there; their seqs come along so a repeat still answers with its own seq. Each post
//! whose rating changed gets a post.updated event, so a client that resumes with `sync` sees
//! the corrected rating.
Status migrateTo3(SqlConnection &c)
{
    Result<QSqlQuery *> folded = c.run(QStringLiteral(
        "SELECT DISTINCT post_id FROM reviews GROUP BY post_id, author_id HAVING COUNT(*) > 1"));
    if (!folded)
        return folded.error();
    QList<qint64> changedPosts;
    while ((*folded)->next())
        changedPosts.append((*folded)->value(0).toLongLong());
    (*folded)->finish();

    const QStringList statements {
        QStringLiteral("CREATE TABLE reviews_v3 ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
                       " author_id INTEGER NOT NULL REFERENCES users(id),"
                       " rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),"
                       " comment TEXT NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT,"
                       " UNIQUE (post_id, author_id))"),
        QStringLiteral(
            "INSERT INTO reviews_v3 (id, post_id, author_id, rating, comment, created_at)"
            " SELECT id, post_id, author_id, rating, comment, created_at FROM reviews"
            " WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY post_id, author_id)"),
        QStringLiteral("CREATE TABLE review_nonces ("
                       " author_id INTEGER NOT NULL REFERENCES users(id),"
                       " nonce TEXT NOT NULL,"
                       " post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
                       " seq INTEGER NOT NULL,"
                       " PRIMARY KEY (author_id, nonce)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX review_nonces_post ON review_nonces(post_id)"),
        QStringLiteral("INSERT INTO review_nonces (author_id, nonce, post_id, seq)"
                       " SELECT author_id, nonce, post_id, COALESCE(created_seq, 0) FROM reviews"
                       " WHERE nonce IS NOT NULL"),
        // AUTOINCREMENT promises ids are never reused: the new table's counter starts where the
        // old one was, also past reviews deleted or folded away.
        QStringLiteral("DELETE FROM sqlite_sequence WHERE name = 'reviews_v3'"),
        QStringLiteral("INSERT INTO sqlite_sequence (name, seq)"
                       " SELECT 'reviews_v3', top FROM (SELECT MAX(seq) AS top FROM ("
                       " SELECT seq FROM sqlite_sequence WHERE name = 'reviews'"
                       " UNION ALL SELECT MAX(id) FROM reviews_v3)) WHERE top IS NOT NULL"),
        QStringLiteral("DROP TABLE reviews"),
        QStringLiteral("ALTER TABLE reviews_v3 RENAME TO reviews"),
        QStringLiteral(
            "UPDATE posts SET"
            " rating_sum = (SELECT COALESCE(SUM(rating), 0) FROM reviews r"
            " WHERE r.post_id = posts.id),"
            " rating_count = (SELECT COUNT(*) FROM reviews r WHERE r.post_id = posts.id)"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }

    // PostStore reads posts as this build stores them, authors' profiles included.
    if (Status s = addProfileColumns(c); !s)
        return s;
    Result<QSqlQuery *> head = c.run(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"));
    if (!head)
        return head.error();
    (*head)->next();
    qint64 seq = (*head)->value(0).toLongLong();
    (*head)->finish();
    const QString now = nowTimestamp();
    for (const qint64 postId : std::as_const(changedPosts)) {
        // As the post was at step 3: no reactions, mention spans or attachments yet (steps 8, 9
        // and 11).
        Result<std::optional<Post>> post = PostStore::get(c, postId, false);
        if (!post)
            return post.error();
        if (!*post)
            continue;
        ++seq;
        const QByteArray frame = encodeEvent(
            seq, EventType::PostUpdated, {{QStringLiteral("post"), (*post)->toJson()}});
        Result<QSqlQuery *> insert
            = c.run(QStringLiteral("INSERT INTO events (seq, frame, created_at) VALUES (?, ?, ?)"),
                {seq, QString::fromUtf8(frame), now});
        if (!insert)
            return insert.error();
    }
    return Ok {};
}

//! Usernames became Unicode, and SQLite's NOCASE folds ASCII only: uniqueness and look-ups move
//! to a key column (Validation::usernameKey) filled here for the names already stored. The old
//! NOCASE constraint stays; two names with different keys never collide under it.
Status migrateTo4(SqlConnection &c)
{
    if (Status s = c.execOnce(
            QStringLiteral("ALTER TABLE users ADD COLUMN username_key TEXT NOT NULL DEFAULT ''"));
        !s)
        return s;
    Result<QSqlQuery *> names = c.run(QStringLiteral("SELECT id, username FROM users"));
    if (!names)
        return names.error();
    QList<std::pair<qint64, QString>> rows;
    while ((*names)->next())
        rows.append({(*names)->value(0).toLongLong(), (*names)->value(1).toString()});
    (*names)->finish();
    for (const auto &[id, username] : std::as_const(rows)) {
        Result<QSqlQuery *> q
            = c.run(QStringLiteral("UPDATE users SET username_key = ? WHERE id = ?"),
                {Validation::usernameKey(username), id});
        if (!q)
            return q.error();
    }
    return c.execOnce(
        QStringLiteral("CREATE UNIQUE INDEX users_username_key ON users(username_key)"));
}

//! Conversations with a fixed set of members (direct messages, docs/protocol.md "Direct
//! messages"): a channel gets a kind, a direct one lists its members, and an event may be meant
//! for some users only. Such an event's `audience` holds the user ids it is for, sorted and
//! joined by commas (NULL: everyone); the others receive a `hidden` event with the same seq, so
//! nobody's seq sequence gets a gap. A direct conversation's name_key is its member ids behind a
//! control character, which no channel name may contain: one conversation per set of members.
//! The mention tables (filled from `@name` in text) come in the same step, as read state and
//! notifications count from them.
Status migrateTo5(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("ALTER TABLE channels ADD COLUMN kind TEXT NOT NULL DEFAULT 'public'"
                       " CHECK (kind IN ('public', 'direct'))"),
        QStringLiteral("CREATE TABLE channel_members ("
                       " channel_id INTEGER NOT NULL REFERENCES channels(id),"
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " PRIMARY KEY (channel_id, user_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX channel_members_user ON channel_members(user_id, channel_id)"),
        QStringLiteral("ALTER TABLE events ADD COLUMN audience TEXT"),
        // Who each message and post mentions (`@name`), by user id: renames follow, and the
        // unread mentions of a user are counted from here.
        QStringLiteral("CREATE TABLE message_mentions ("
                       " message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " PRIMARY KEY (message_id, user_id)) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE INDEX message_mentions_user ON message_mentions(user_id, message_id)"),
        QStringLiteral("CREATE TABLE post_mentions ("
                       " post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " PRIMARY KEY (post_id, user_id)) WITHOUT ROWID"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

//! Direct messages (part "dm"): a channel remembers the seq of the event that created it, so
//! that opening an existing direct conversation again answers with that seq, as a repeated
//! create does; dm.list orders by it too. 0 for the channels of earlier versions.
Status migrateTo6(SqlConnection &c)
{
    return c.execOnce(
        QStringLiteral("ALTER TABLE channels ADD COLUMN created_seq INTEGER NOT NULL DEFAULT 0"));
}

//! Profiles (docs/protocol.md "Display names and avatars"): a display name ('' = none), an
//! avatar (an image id, NULL = none; the image collector keeps images an avatar uses) and the
//! seq of the user's last profile change, which a user.profile that changes nothing answers
//! with instead of emitting an event. A file upgraded from before step 3 has the columns
//! already (see addProfileColumns).
Status migrateTo7(SqlConnection &c)
{
    if (Status s = addProfileColumns(c); !s)
        return s;
    return c.execOnce(QStringLiteral("CREATE INDEX users_avatar ON users(avatar_image_id)"
                                     " WHERE avatar_image_id IS NOT NULL"));
}

//! Replies and reactions (docs/protocol.md, "Replies and reactions"). reply_to_id names the
//! original without a foreign key: the original may be deleted while its replies stay, and a
//! reply then quotes `{id, deleted: true}` (the quote is read from the original at read time,
//! so edits and deletes of it show at once). A reaction belongs to exactly one message or post
//! and goes with it (ON DELETE CASCADE); its rowid gives the first-reacted order.
//! reactions_seq holds the seq of the last reaction change on an entry, what an idempotent
//! repeat of reaction.set answers with.
Status migrateTo8(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("ALTER TABLE messages ADD COLUMN reply_to_id INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN reactions_seq INTEGER"),
        QStringLiteral("ALTER TABLE posts ADD COLUMN reactions_seq INTEGER"),
        QStringLiteral("CREATE TABLE reactions ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " message_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,"
                       " post_id INTEGER REFERENCES posts(id) ON DELETE CASCADE,"
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " emoji TEXT NOT NULL,"
                       " CHECK ((message_id IS NULL) <> (post_id IS NULL)))"),
        QStringLiteral("CREATE UNIQUE INDEX reactions_message ON reactions(message_id, emoji, "
                       "user_id) WHERE message_id IS NOT NULL"),
        QStringLiteral("CREATE UNIQUE INDEX reactions_post ON reactions(post_id, emoji, user_id)"
                       " WHERE post_id IS NOT NULL"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

//! Part "rich" (docs/protocol.md "Mentions", "Edit history"). A mention row gets `spans`,
//! where in the text its user is named ("start:length,..." in UTF-16 units), so the client can
//! show the current name there after a rename. Every version of an edited message or post is
//! kept: none for an entry never edited, then the original and each edit, the current last.
Status migrateTo9(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("ALTER TABLE message_mentions ADD COLUMN spans TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE post_mentions ADD COLUMN spans TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE TABLE message_versions ("
                       " id INTEGER PRIMARY KEY,"
                       " message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
                       " text TEXT NOT NULL,"
                       " at TEXT NOT NULL,"
                       " editor_id INTEGER NOT NULL REFERENCES users(id))"),
        QStringLiteral("CREATE INDEX message_versions_message ON message_versions(message_id, id)"),
        QStringLiteral("CREATE TABLE post_versions ("
                       " id INTEGER PRIMARY KEY,"
                       " post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
                       " title TEXT NOT NULL,"
                       " content TEXT NOT NULL,"
                       " at TEXT NOT NULL,"
                       " editor_id INTEGER NOT NULL REFERENCES users(id))"),
        QStringLiteral("CREATE INDEX post_versions_post ON post_versions(post_id, id)"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

//! Full-text search (docs/protocol.md "Search"): FTS5 indexes over messages(text) and
//! posts(title, content). They are external-content tables (the text is stored once, in its own
//! table) kept in step by triggers in the same transaction as every insert, edit and delete, so
//! a search never finds a deleted entry or misses an edit. `unicode61 remove_diacritics 2`
//! folds case and accents in any script; why not trigram is in docs/performance.md "Search".
//! Prefixes of 2 to 4 characters have their own index: without it "ka*" merges the doclists of
//! every word starting so, half a second on a million messages.
//! The rating columns of posts change often and are left out of the update trigger. The index
//! is built here for the rows already stored.
Status migrateTo10(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages',"
                       " content_rowid='id', tokenize='unicode61 remove_diacritics 2',"
                       " prefix='2 3 4')"),
        QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
                       " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END"),
        QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
                       " INSERT INTO messages_fts (messages_fts, rowid, text)"
                       " VALUES ('delete', old.id, old.text); END"),
        QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN"
                       " INSERT INTO messages_fts (messages_fts, rowid, text)"
                       " VALUES ('delete', old.id, old.text);"
                       " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END"),
        QStringLiteral("CREATE VIRTUAL TABLE posts_fts USING fts5(title, content, content='posts',"
                       " content_rowid='id', tokenize='unicode61 remove_diacritics 2',"
                       " prefix='2 3 4')"),
        QStringLiteral("CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN"
                       " INSERT INTO posts_fts (rowid, title, content)"
                       " VALUES (new.id, new.title, new.content); END"),
        QStringLiteral("CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN"
                       " INSERT INTO posts_fts (posts_fts, rowid, title, content)"
                       " VALUES ('delete', old.id, old.title, old.content); END"),
        QStringLiteral("CREATE TRIGGER posts_fts_update AFTER UPDATE OF title, content ON posts"
                       " BEGIN INSERT INTO posts_fts (posts_fts, rowid, title, content)"
                       " VALUES ('delete', old.id, old.title, old.content);"
                       " INSERT INTO posts_fts (rowid, title, content)"
                       " VALUES (new.id, new.title, new.content); END"),
        QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"),
        QStringLiteral("INSERT INTO posts_fts (posts_fts) VALUES ('rebuild')"),
        // Search by author filters on it; the channel filter has messages_channel already.
        QStringLiteral("CREATE INDEX messages_author ON messages(author_id, id)"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

//! Attachments (part "files", docs/protocol.md "Files"): the bytes live on disk beside the
//! database, named by their SHA-256 (docs/architecture.md says why not in here). `files` has one
//! row per stored content; `user_files` records who finished uploading what, under which name,
//! which lets the uploader attach and read it and keeps a fresh upload from the collector for a
//! grace period; `uploads` lists the uploads in progress (their bytes are in partial files);
//! `message_files` and `post_files` are the attachments, in the order given, with the name
//! they were attached under.
Status migrateTo11(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("CREATE TABLE files ("
                       " id TEXT PRIMARY KEY,"
                       " size INTEGER NOT NULL,"
                       " created_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE user_files ("
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " mime TEXT NOT NULL,"
                       " finished_at TEXT NOT NULL,"
                       " PRIMARY KEY (user_id, file_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX user_files_file ON user_files(file_id)"),
        QStringLiteral("CREATE TABLE uploads ("
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " file_id TEXT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " size INTEGER NOT NULL,"
                       " mime TEXT NOT NULL,"
                       " started_at TEXT NOT NULL,"
                       " PRIMARY KEY (user_id, file_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE message_files ("
                       " message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " file_id TEXT NOT NULL REFERENCES files(id),"
                       " name TEXT NOT NULL,"
                       " mime TEXT NOT NULL,"
                       " PRIMARY KEY (message_id, position)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX message_files_file ON message_files(file_id)"),
        QStringLiteral("CREATE TABLE post_files ("
                       " post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " file_id TEXT NOT NULL REFERENCES files(id),"
                       " name TEXT NOT NULL,"
                       " mime TEXT NOT NULL,"
                       " PRIMARY KEY (post_id, position)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX post_files_file ON post_files(file_id)"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

//! Read state and notification levels (docs/protocol.md "Read state"), per user and channel.
//! read_state holds the newest message a user has read in a channel; it only moves forward.
//! read_floor is where a user without a read_state row for a channel starts: every message
//! that existed when the account was made counts as read (a newcomer is not greeted with the
//! whole history as unread). Existing users get the newest message at this step (the upgrade
//! must not make years of history unread), new ones get it from the trigger, which keeps the
//! rule in the schema rather than in every code path that makes an account.
//! channel_prefs holds a level only where the user chose one ("all" is the default).
Status migrateTo12(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("CREATE TABLE read_state ("
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " channel_id INTEGER NOT NULL REFERENCES channels(id),"
                       " last_read_id INTEGER NOT NULL,"
                       " PRIMARY KEY (user_id, channel_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE channel_prefs ("
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " channel_id INTEGER NOT NULL REFERENCES channels(id),"
                       " level TEXT NOT NULL CHECK (level IN ('all', 'mentions', 'none')),"
                       " PRIMARY KEY (user_id, channel_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE read_floor ("
                       " user_id INTEGER PRIMARY KEY REFERENCES users(id),"
                       " message_id INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO read_floor (user_id, message_id)"
                       " SELECT id, (SELECT COALESCE(MAX(id), 0) FROM messages) FROM users"),
        QStringLiteral("CREATE TRIGGER users_read_floor AFTER INSERT ON users BEGIN"
                       " INSERT OR REPLACE INTO read_floor (user_id, message_id)"
                       " VALUES (NEW.id, (SELECT COALESCE(MAX(id), 0) FROM messages)); END"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

//! Accounts an admin runs (issue 13; docs/protocol.md, "Accounts an admin runs"). A session
//! gets a public id (its token hash never leaves the server), the client and address it
//! signed in from, and when it was last used. An account can be disabled, or hold a one-time
//! code from an admin in place of a password (must_change_password, valid until
//! code_expires_at). `invites` keeps only the SHA-256 of each code; `audit` records every
//! admin action (actor NULL: the operator on the command line).
Status migrateTo13(SqlConnection &c)
{
    const QStringList statements {
        QStringLiteral("ALTER TABLE sessions ADD COLUMN id TEXT"),
        QStringLiteral("UPDATE sessions SET id = lower(hex(randomblob(12)))"),
        QStringLiteral("CREATE UNIQUE INDEX sessions_id ON sessions(id)"),
        QStringLiteral("ALTER TABLE sessions ADD COLUMN client TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sessions ADD COLUMN last_used_at TEXT"),
        QStringLiteral("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE users ADD COLUMN code_expires_at TEXT"),
        QStringLiteral("CREATE TABLE invites ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " code_hash BLOB NOT NULL UNIQUE,"
                       " created_by INTEGER NOT NULL REFERENCES users(id),"
                       " created_at TEXT NOT NULL,"
                       " expires_at TEXT NOT NULL,"
                       " used_by INTEGER REFERENCES users(id),"
                       " used_at TEXT)"),
        QStringLiteral("CREATE TABLE audit ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " at TEXT NOT NULL,"
                       " actor_id INTEGER REFERENCES users(id),"
                       " action TEXT NOT NULL,"
                       " target_id INTEGER REFERENCES users(id),"
                       " detail TEXT NOT NULL DEFAULT '{}')"),
    };
    for (const QString &sql : statements) {
        if (Status s = c.execOnce(sql); !s)
            return s;
    }
    return Ok {};
}

const std::function<Status(SqlConnection &)> migrations[]
    = {migrateTo1, migrateTo2, migrateTo3, migrateTo4, migrateTo5, migrateTo6, migrateTo7,
        migrateTo8, migrateTo9, migrateTo10, migrateTo11, migrateTo12, migrateTo13};
static_assert(std::size(migrations) == SchemaVersion);

} // namespace

Status migrate(SqlConnection &c, int upTo)
{
    if (c.isPostgres())
        return migratePostgres(c);
    QSqlQuery version(c.database());
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
        return makeError(ErrorCode::Internal,
            QStringLiteral("the file is not a Hubbub database (%1)")
                .arg(version.lastError().text()));
    }
    const int current = version.value(0).toInt();
    version.finish();
    if (current > SchemaVersion) {
        return makeError(ErrorCode::Internal,
            QStringLiteral("the database has schema version %1, newer than this "
                           "server's %2; use a newer hubbub-server")
                .arg(current)
                .arg(SchemaVersion));
    }
    for (int step = current + 1; step <= std::min(upTo, SchemaVersion); ++step) {
        qCInfo(lcDb) << "migrating database schema to version" << step;
        if (Status s = c.execOnce(QStringLiteral("BEGIN IMMEDIATE")); !s)
            return s;
        Status s = migrations[step - 1](c);
        if (s)
            s = c.execOnce(QStringLiteral("PRAGMA user_version = %1").arg(step));
        if (s)
            s = c.execOnce(QStringLiteral("COMMIT"));
        if (!s) {
            c.execOnce(QStringLiteral("ROLLBACK"));
            return makeError(ErrorCode::Internal,
                QStringLiteral("migration to schema version %1 failed").arg(step));
        }
    }
    return Ok {};
}

} // namespace Hubbub::Server
