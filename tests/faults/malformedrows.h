#pragma once

// The rows of tst_malformedcorpus: hostile frames and what the server must answer to each.

#include "rawpeer.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Hubbub::Test::MalformedRows {

//! The password of the user the rows log in as.
inline const QString Password = QStringLiteral("correct horse");

//! What a row expects back.
struct Expect
{
    QString code; //!< error code, "ok" for a success, empty for "no reply at all"
    QJsonValue id = QJsonValue::Null; //!< the id the reply must carry
    QString field; //!< error.field; empty: must be absent (bad_request) or unchecked
    int closeCode = 0; //!< the server then closes with this code; 0: stays open
};

struct Row
{
    QString name;
    QList<RawFrame> frames;
    Expect expect;
    bool login = true;
};

//! Every row, built once: some hold 16 MiB.
const QList<Row> &corpus();
//! A file under tests/data/images; empty if it cannot be read.
QByteArray fixture(const QString &name);

} // namespace Hubbub::Test::MalformedRows
