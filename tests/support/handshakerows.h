#pragma once

// Upgrade requests, valid and hostile, with the HTTP status each must get: the rows of
// tst_handshake (the parser alone) and of tst_malformedcorpus (the real server, over a socket).

#include <QByteArray>
#include <QList>
#include <QString>

namespace Hubbub::Test {

//! A hand-written upgrade request and the HTTP status it must get: 101 upgrades, anything
//! else must not (RFC 6455, 4.2.1 and 4.2.2).
struct HandshakeRow
{
    QString name;
    QByteArray request;
    int status;
};

//! The first row is a valid request with the RFC's example key.
QList<HandshakeRow> handshakeRows();

} // namespace Hubbub::Test
