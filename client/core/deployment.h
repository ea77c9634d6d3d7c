#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace Hubbub::Client {

//! One Hubbub deployment: the addresses of its server instances, which share one database (so
//! one account, one seq and one certificate), in the order the user gave them. The first
//! address names the deployment: the token, the outbox, the local cache and the settings are
//! kept under key() whichever address is in use (docs/architecture.md, "Several addresses").
class Deployment final
{
public:
    Deployment() = default;
    //! A deployment of one address (none when `url` is empty). Implicit: wherever a
    //! deployment is taken, one address is one, as before there could be several.
    Deployment(const QUrl &url);
    explicit Deployment(QList<QUrl> addresses);

    //! Splits what a user typed ("wss://hub1:7300, wss://hub2:7300": commas and/or white
    //! space) into the addresses' texts, empty parts left out.
    static QStringList split(const QString &text);
    //! split(), each part read with `readOne`. nullopt when any part is not an address
    //! (`readOne` returned an invalid URL); `bad` then holds that part. Repeats are kept once.
    static std::optional<Deployment> parse(const QString &text,
        const std::function<QUrl(const QString &)> &readOne, QString *bad = nullptr);
    //! Full ws:// or wss:// URLs with a host, as --server takes them and toString() writes
    //! them: parse() with readUrl().
    static std::optional<Deployment> fromUrls(const QString &text, QString *bad = nullptr);
    //! `text` as a ws:// or wss:// URL with a host; an invalid URL when it is not one.
    static QUrl readUrl(const QString &text);

    QList<QUrl> addresses() const { return m_addresses; }
    qsizetype size() const { return m_addresses.size(); }
    bool isEmpty() const { return m_addresses.isEmpty(); }
    QUrl at(qsizetype index) const { return m_addresses.at(index); }
    bool contains(const QUrl &url) const;
    //! The deployment's identity: its first address (empty when there is none).
    QUrl key() const { return m_addresses.value(0); }

    //! The addresses, full, joined by ", ": for the settings.
    QString toString() const;
    //! The addresses as people read them (displayAddress()), joined by ", ".
    QString toDisplayString() const;
    //! How an address reads in messages: "ws://host:7300", without the root path's "/".
    static QString displayAddress(QUrl url);

    friend bool operator==(const Deployment &a, const Deployment &b)
    {
        return a.m_addresses == b.m_addresses;
    }
    friend bool operator!=(const Deployment &a, const Deployment &b) { return !(a == b); }

private:
    QList<QUrl> m_addresses;
};

} // namespace Hubbub::Client
