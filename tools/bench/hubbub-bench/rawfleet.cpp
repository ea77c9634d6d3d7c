#include "rawfleet.h"

#include "workerpool.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <arpa/inet.h>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <deque>
#include <iterator>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>

namespace Hubbub::Bench {

namespace {

std::mutex errorMutex;
constexpr quint64 WakeTag = ~quint64(0);

enum class State { Connecting, TlsHandshaking, Handshaking, Authenticating, Ready, Closed };

struct Connection
{
    int fd = -1;
    SSL *ssl = nullptr; //!< wss:// only
    int index = 0;
    quint64 slot = 0;
    State state = State::Connecting;
    int replies = 0;
    QByteArray in;
    QByteArray message; //!< a fragmented message being put together
    QByteArray token;
};

//! A masked client frame (RFC 6455 §5.3).
QByteArray frame(int opcode, const QByteArray &payload)
{
    QByteArray out;
    out.reserve(payload.size() + 14);
    out.append(char(0x80 | opcode));
    const auto size = quint64(payload.size());
    if (size < 126) {
        out.append(char(0x80 | size));
    } else if (size < 65536) {
        out.append(char(0x80 | 126));
        out.append(char(size >> 8));
        out.append(char(size & 0xff));
    } else {
        out.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char((size >> (8 * i)) & 0xff));
    }
    const quint32 key = QRandomGenerator::global()->generate();
    const char mask[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
    out.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(char(payload[i] ^ mask[i % 4]));
    return out;
}

//! Small writes on a fresh loopback socket go out whole; a short write is a failure here.
bool sendAll(int fd, const QByteArray &data);

//! The same over TLS: a record OpenSSL cannot hand to the kernel now is retried while the
//! socket drains (at most a second; the bench's writes are small).
bool sendAll(SSL *ssl, int fd, const QByteArray &data)
{
    if (!ssl)
        return sendAll(fd, data);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const int n = SSL_write(ssl, data.constData(), int(data.size()));
        if (n > 0)
            return true;
        if (SSL_get_error(ssl, n) != SSL_ERROR_WANT_WRITE)
            return false;
        pollfd p {fd, POLLOUT, 0};
        ::poll(&p, 1, 1);
    }
    return false;
}

bool sendAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n
            = ::send(fd, data.constData() + done, std::size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

class RawFleet::Loop
{
public:
    Loop(RawFleet &fleet, int thread, std::vector<sockaddr_in> addresses,
        std::vector<QByteArray> hosts, bool tls, Handler handler)
        : m_fleet(fleet)
        , m_thread(thread)
        , m_addresses(std::move(addresses))
        , m_hosts(std::move(hosts))
        , m_handler(std::move(handler))
    {
        if (tls) {
            // The bench measures a server on loopback it started itself: no verification.
            m_tls = SSL_CTX_new(TLS_client_method());
            SSL_CTX_set_min_proto_version(m_tls, TLS1_2_VERSION);
            SSL_CTX_set_verify(m_tls, SSL_VERIFY_NONE, nullptr);
            SSL_CTX_set_mode(m_tls, SSL_MODE_RELEASE_BUFFERS);
        }
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        m_wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = WakeTag;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
        m_worker = std::thread([this] { loop(); });
    }

    ~Loop()
    {
        post([this] { m_stop = true; });
        m_worker.join();
        for (auto &c : m_connections) {
            SSL_free(c->ssl);
            if (c->fd >= 0)
                ::close(c->fd);
        }
        SSL_CTX_free(m_tls);
        ::close(m_wake);
        ::close(m_epoll);
    }

    void post(std::function<void()> fn)
    {
        {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back(std::move(fn));
        }
        const quint64 one = 1;
        [[maybe_unused]] const auto n = ::write(m_wake, &one, sizeof one);
    }

    void run(const std::function<void()> &fn)
    {
        std::mutex doneMutex;
        std::condition_variable doneCv;
        bool done = false;
        post([&] {
            fn();
            std::lock_guard lock(doneMutex);
            done = true;
            doneCv.notify_all();
        });
        std::unique_lock lock(doneMutex);
        doneCv.wait(lock, [&] { return done; });
    }

    //! Queues connections to open; runs on the loop.
    void add(std::vector<std::pair<int, QByteArray>> indexes, int concurrency)
    {
        m_concurrency = concurrency;
        for (auto &entry : indexes)
            m_queue.push_back(std::move(entry));
        startMore();
    }

    std::function<void(int)> ticker;
    int readQuantumUs = 0;

    bool send(int index, const QByteArray &text)
    {
        const auto it = m_byIndex.find(index);
        if (it == m_byIndex.end() || it->second->state != State::Ready)
            return false;
        return sendAll(it->second->ssl, it->second->fd, frame(1, text));
    }

    qint64 cpuMicros() const
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
    }

private:
    void loop()
    {
        epoll_event events[256];
        while (!m_stop) {
            const int n = epoll_wait(m_epoll, events, 256, ticker ? 1 : 50);
            if (ticker)
                ticker(m_thread);
            bool read = false;
            for (int i = 0; i < n; ++i) {
                if (events[i].data.u64 == WakeTag) {
                    quint64 count = 0;
                    [[maybe_unused]] const auto r = ::read(m_wake, &count, sizeof count);
                    std::deque<std::function<void()>> tasks;
                    {
                        std::lock_guard lock(m_mutex);
                        tasks.swap(m_tasks);
                    }
                    for (auto &task : tasks)
                        task();
                    continue;
                }
                Connection &c = *m_connections[std::size_t(events[i].data.u64)];
                if (c.state == State::Connecting)
                    onConnected(c, events[i].events);
                else if (c.state == State::TlsHandshaking)
                    continueTls(c);
                else
                    onReadable(c);
                read = true;
            }
            if (read)
                m_fleet.m_wakeups.fetch_add(1, std::memory_order_relaxed);
            // Let the rest of a burst queue in the kernel rather than be woken for each frame;
            // a full batch means more is ready already.
            if (read && readQuantumUs > 0 && !ticker && n < int(std::size(events))) {
                const timespec quantum {0, long(readQuantumUs) * 1000};
                nanosleep(&quantum, nullptr);
            }
        }
    }

    void startMore()
    {
        while (m_inFlight < m_concurrency && !m_queue.empty()) {
            auto [index, token] = std::move(m_queue.front());
            m_queue.pop_front();
            auto c = std::make_unique<Connection>();
            c->index = index;
            c->token = std::move(token);
            c->fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            const int one = 1;
            setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            // Connection i goes to server i % servers (several instances of one database).
            const sockaddr_in &address = m_addresses[std::size_t(index) % m_addresses.size()];
            const int r
                = ::connect(c->fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
            if (c->fd < 0 || (r < 0 && errno != EINPROGRESS)) {
                m_fleet.fail(
                    QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(strerror(errno))));
                if (c->fd >= 0)
                    ::close(c->fd);
                continue;
            }
            epoll_event ev {};
            ev.events = EPOLLIN | EPOLLOUT;
            ev.data.u64 = m_connections.size();
            c->slot = m_connections.size();
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, c->fd, &ev);
            m_connections.push_back(std::move(c));
            ++m_inFlight;
        }
    }

    void finishOpening(Connection &c, bool ok, const QString &why)
    {
        --m_inFlight;
        if (ok) {
            c.state = State::Ready;
            m_byIndex[c.index] = &c;
            m_fleet.m_authenticated.fetch_add(1);
        } else {
            closeConnection(c);
            m_fleet.fail(why);
        }
        startMore();
    }

    void closeConnection(Connection &c)
    {
        if (c.fd >= 0) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
            c.fd = -1;
        }
        SSL_free(c.ssl);
        c.ssl = nullptr;
        c.state = State::Closed;
    }

    void onConnected(Connection &c, quint32 events)
    {
        int error = 0;
        socklen_t len = sizeof error;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &len);
        if (error != 0 || (events & (EPOLLERR | EPOLLHUP)))
            return finishOpening(c, false, QStringLiteral("could not connect"));
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = c.slot;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
        if (m_tls) {
            c.ssl = SSL_new(m_tls);
            SSL_set_fd(c.ssl, c.fd);
            SSL_set_connect_state(c.ssl);
            c.state = State::TlsHandshaking;
            return continueTls(c);
        }
        sendUpgrade(c);
    }

    void continueTls(Connection &c)
    {
        const int r = SSL_do_handshake(c.ssl);
        if (r == 1)
            return sendUpgrade(c);
        const int error = SSL_get_error(c.ssl, r);
        if (error == SSL_ERROR_WANT_WRITE) {
            pollfd p {c.fd, POLLOUT, 0};
            ::poll(&p, 1, 10);
            return continueTls(c);
        }
        if (error != SSL_ERROR_WANT_READ)
            finishOpening(c, false, QStringLiteral("TLS handshake failed"));
    }

    void sendUpgrade(Connection &c)
    {
        QByteArray key(16, Qt::Uninitialized);
        for (char &ch : key)
            ch = char(QRandomGenerator::global()->bounded(256));
        const QByteArray request
            = "GET / HTTP/1.1\r\nHost: " + m_hosts[std::size_t(c.index) % m_hosts.size()]
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key.toBase64() + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        c.state = State::Handshaking;
        if (!sendAll(c.ssl, c.fd, request))
            finishOpening(c, false, QStringLiteral("handshake could not be sent"));
    }

    void onReadable(Connection &c)
    {
        char buffer[65536];
        for (;;) {
            if (c.ssl) {
                const int n = SSL_read(c.ssl, buffer, int(sizeof buffer));
                if (n > 0) {
                    c.in.append(buffer, n);
                    continue; // until OpenSSL wants more from the socket
                }
                if (SSL_get_error(c.ssl, n) == SSL_ERROR_WANT_READ)
                    break;
            } else {
                const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
                if (n > 0) {
                    c.in.append(buffer, n);
                    if (std::size_t(n) < sizeof buffer)
                        break;
                    continue;
                }
                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    break;
                if (n < 0 && errno == EINTR)
                    continue;
            }
            // Closed by the server.
            const bool wasReady = c.state == State::Ready;
            if (c.state != State::Ready)
                finishOpening(c, false, QStringLiteral("closed during login"));
            else
                closeConnection(c);
            if (wasReady)
                m_fleet.m_closed.fetch_add(1);
            return;
        }
        if (c.state == State::Handshaking) {
            const qsizetype end = c.in.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            if (!c.in.startsWith("HTTP/1.1 101"))
                return finishOpening(c, false, QStringLiteral("handshake refused"));
            c.in.remove(0, end + 4);
            c.state = State::Authenticating;
            const QByteArray hello
                = R"({"type":"hello","id":1,"protocol":1,"client":"hubbub-bench/1"})";
            const QByteArray auth = R"({"type":"auth.token","id":2,"token":")" + c.token + R"("})";
            if (!sendAll(c.ssl, c.fd, frame(1, hello) + frame(1, auth)))
                return finishOpening(c, false, QStringLiteral("login could not be sent"));
        }
        parseFrames(c);
    }

    void parseFrames(Connection &c)
    {
        const auto *data = reinterpret_cast<const unsigned char *>(c.in.constData());
        const qsizetype size = c.in.size();
        qsizetype pos = 0;
        while (c.state == State::Ready || c.state == State::Authenticating) {
            if (size - pos < 2)
                break;
            const bool fin = data[pos] & 0x80;
            const int opcode = data[pos] & 0x0f;
            quint64 length = data[pos + 1] & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (size - pos < 4)
                    break;
                length = (quint64(data[pos + 2]) << 8) | data[pos + 3];
                header = 4;
            } else if (length == 127) {
                if (size - pos < 10)
                    break;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | data[pos + 2 + i];
                header = 10;
            }
            if (quint64(size - pos - header) < length)
                break;
            const char *payload = c.in.constData() + pos + header;
            pos += header + qsizetype(length);
            if (opcode == 0x9) {
                sendAll(c.ssl, c.fd, frame(0xA, QByteArray(payload, qsizetype(length))));
            } else if (opcode == 0x8) {
                closeConnection(c);
                m_fleet.m_closed.fetch_add(1);
                return;
            } else if (opcode == 0x1 || opcode == 0x0) {
                if (!fin || !c.message.isEmpty()) {
                    c.message.append(payload, qsizetype(length));
                    if (!fin)
                        continue;
                    onMessage(c, c.message.constData(), std::size_t(c.message.size()));
                    c.message.clear();
                } else {
                    onMessage(c, payload, std::size_t(length));
                }
            }
        }
        if (c.fd >= 0)
            c.in.remove(0, pos);
    }

    void onMessage(Connection &c, const char *data, std::size_t size)
    {
        if (c.state == State::Ready) {
            m_handler(m_thread, c.index, data, size);
            return;
        }
        // Before authentication: hello's reply, then auth.token's; presence frames may come
        // first, as a user's first login announces itself to every connection, its own too.
        if (!QByteArrayView(data, qsizetype(size)).contains("\"type\":\"reply\""))
            return;
        if (++c.replies < 2)
            return;
        const bool ok = QByteArrayView(data, qsizetype(size)).contains("\"ok\":true");
        finishOpening(c, ok,
            QStringLiteral("auth.token refused: ")
                + QString::fromUtf8(data, qsizetype(std::min<std::size_t>(size, 300))));
    }

    RawFleet &m_fleet;
    SSL_CTX *m_tls = nullptr;
    int m_thread;
    std::vector<sockaddr_in> m_addresses;
    std::vector<QByteArray> m_hosts;
    Handler m_handler;
    int m_epoll = -1;
    int m_wake = -1;
    bool m_stop = false;
    int m_inFlight = 0;
    int m_concurrency = 64;
    std::deque<std::pair<int, QByteArray>> m_queue;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::unordered_map<int, Connection *> m_byIndex;
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_tasks;
    std::thread m_worker;
};

RawFleet::RawFleet(int threads, const QUrl &url, QStringList tokens, Handler onMessage)
    : RawFleet(threads, QList<QUrl> {url}, std::move(tokens), std::move(onMessage))
{ }

RawFleet::RawFleet(int threads, const QList<QUrl> &urls, QStringList tokens, Handler onMessage)
{
    std::vector<sockaddr_in> addresses;
    std::vector<QByteArray> hosts;
    for (const QUrl &url : urls) {
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(url.port(7300)));
        const QByteArray host
            = url.host() == u"localhost" ? QByteArray("127.0.0.1") : url.host().toLatin1();
        inet_pton(AF_INET, host.constData(), &address.sin_addr);
        addresses.push_back(address);
        hosts.push_back(host + ':' + QByteArray::number(url.port(7300)));
    }
    m_tokens = std::move(tokens);
    for (int t = 0; t < std::max(1, threads); ++t) {
        m_loops.push_back(std::make_unique<Loop>(
            *this, t, addresses, hosts, urls.first().scheme() == u"wss", onMessage));
    }
}

RawFleet::~RawFleet()
{
    m_loops.clear();
}

bool RawFleet::open(int count, qint64 timeoutMs, int concurrency)
{
    const int target = m_authenticated.load() + m_failed.load() + count;
    const int threads = int(m_loops.size());
    std::vector<std::vector<std::pair<int, QByteArray>>> shares(static_cast<std::size_t>(threads));
    for (int i = 0; i < count; ++i) {
        const int index = m_nextIndex++;
        shares[std::size_t(index % threads)].emplace_back(
            index, m_tokens.at(index % m_tokens.size()).toLatin1());
    }
    for (int t = 0; t < threads; ++t) {
        Loop *loop = m_loops[std::size_t(t)].get();
        loop->post([loop, share = std::move(shares[std::size_t(t)]), concurrency]() mutable {
            loop->add(std::move(share), concurrency);
        });
    }
    waitUntil([&] { return m_authenticated.load() + m_failed.load() >= target; }, timeoutMs);
    return m_failed.load() == 0 && m_authenticated.load() >= target;
}

QString RawFleet::firstError() const
{
    std::lock_guard lock(errorMutex);
    return m_firstError;
}

void RawFleet::setTicker(std::function<void(int)> ticker)
{
    for (auto &loop : m_loops)
        loop->run([&ticker, l = loop.get()] { l->ticker = ticker; });
}

void RawFleet::setReadQuantumUs(int us)
{
    for (auto &loop : m_loops)
        loop->run([us, l = loop.get()] { l->readQuantumUs = us; });
}

bool RawFleet::send(int thread, int index, const QByteArray &text)
{
    return m_loops[std::size_t(thread)]->send(index, text);
}

void RawFleet::run(int t, const std::function<void()> &fn)
{
    m_loops[std::size_t(t)]->run(fn);
}

qint64 RawFleet::cpuMicros()
{
    qint64 total = 0;
    for (auto &loop : m_loops)
        loop->run([&total, l = loop.get()] { total += l->cpuMicros(); });
    return total;
}

void RawFleet::fail(const QString &why)
{
    {
        std::lock_guard lock(errorMutex);
        if (m_firstError.isEmpty())
            m_firstError = why;
    }
    m_failed.fetch_add(1);
}

} // namespace Hubbub::Bench
