#include "handshakerows.h"

using namespace Qt::StringLiterals;

namespace Hubbub::Test {

QList<HandshakeRow> handshakeRows()
{
    const QByteArray valid
        = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\n\r\n";
    const auto with = [&](const QByteArray &from, const QByteArray &to) {
        QByteArray request = valid;
        return request.replace(from, to);
    };
    const QByteArray key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    QByteArray manyHeaders = valid;
    for (int i = 0; i < 200; ++i)
        manyHeaders.insert(16, "X-Filler-" + QByteArray::number(i) + ": x\r\n");
    return {
        {u"valid"_s, valid, 101},
        {u"valid with lower-case names and token lists"_s,
            "GET /any/path?x=1 HTTP/1.1\r\nhost: h\r\nupgrade: WebSocket\r\n"
            "connection: keep-alive, Upgrade\r\nsec-websocket-key: AAAAAAAAAAAAAAAAAAAAAA==\r\n"
            "sec-websocket-version: 13\r\norigin: http://x\r\n\r\n",
            101},
        {u"key of 15 bytes"_s, with("dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBsZSBub25j"), 400},
        {u"key of 17 bytes"_s, with("dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBsZSBub25jZSE="), 400},
        {u"key not base64"_s, with("dGhlIHNhbXBsZSBub25jZQ==", "!!!!!!!!!!!!!!!!!!!!!!=="), 400},
        {u"key without padding"_s, with("dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBsZSBub25jZQ"), 400},
        {u"key empty"_s, with("dGhlIHNhbXBsZSBub25jZQ==", ""), 400},
        {u"key missing"_s, with(key, ""), 400},
        {u"key twice"_s, with(key, key + key), 400},
        {u"NUL in a header value"_s, with("Host: 127.0.0.1", QByteArray("Host: 127.0.0.1\0x", 17)),
            400},
        {u"NUL in a header name"_s, with("Host:", QByteArray("Ho\0st:", 6)), 400},
        {u"NUL in the key"_s,
            with("dGhlIHNhbXBsZSBub25jZQ==", QByteArray("dGhlIHNhbXBsZSBub25jZQ==\0", 25)), 400},
        {u"NUL in the request line"_s, with("GET / ", QByteArray("GET /\0 ", 7)), 400},
        {u"control character in a header value"_s,
            with("Host: 127",
                "Host: \x01"
                "127"),
            400},
        {u"space before the colon"_s, with("Host:", "Host :"), 400},
        {u"folded header line"_s, with("Upgrade: websocket\r\n", "Upgrade:\r\n websocket\r\n"),
            400},
        {u"bare line feeds"_s, QByteArray(valid).replace("\r\n", "\n"), 400},
        {u"request line without a target"_s, with("GET / HTTP/1.1", "GET HTTP/1.1"), 400},
        {u"method POST"_s, with("GET ", "POST "), 400},
        {u"method lower-case get"_s, with("GET ", "get "), 400},
        {u"HTTP/1.0"_s, with("HTTP/1.1", "HTTP/1.0"), 400},
        {u"no Host"_s, with("Host: 127.0.0.1\r\n", ""), 400},
        {u"no Upgrade"_s, with("Upgrade: websocket\r\n", ""), 400},
        {u"Upgrade to something else"_s, with("Upgrade: websocket", "Upgrade: h2c"), 400},
        {u"Connection without upgrade"_s, with("Connection: Upgrade", "Connection: keep-alive"),
            400},
        {u"no version"_s, with("Sec-WebSocket-Version: 13\r\n", ""), 400},
        {u"version 8"_s, with("Version: 13", "Version: 8"), 426},
        {u"version 14"_s, with("Version: 13", "Version: 14"), 426},
        {u"200 header lines"_s, manyHeaders, 431},
        {u"a header line of 64 KiB"_s, with("Host: 127.0.0.1", "Host: " + QByteArray(65536, 'h')),
            431},
    };
}

} // namespace Hubbub::Test
