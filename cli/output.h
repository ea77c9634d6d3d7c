#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Hubbub::Cli {

//! Where hubbub-cli writes: results on standard output (text for people, or one JSON value
//! per line with `--json`), errors and notices on standard error. Every line is flushed at
//! once, so that a pipe reader sees it without waiting for a buffer to fill.
class Output final
{
public:
    explicit Output(bool json = false);

    bool isJson() const { return m_json; }

    //! A line for people on standard output (text mode only; callers check isJson()).
    void text(const QString &line) const;
    //! One compact JSON value and a line break on standard output.
    void json(const QJsonObject &value) const;
    void json(const QJsonArray &value) const;
    //! Bytes as they are on standard output, flushed; false when they could not be written.
    bool raw(const QByteArray &bytes) const;
    //! An error on standard error: "hubbub-cli: message (code)", or with `--json`
    //! `{"error":{"code","message","field"?}}`.
    void error(const QString &code, const QString &message, const QString &field = {}) const;
    //! A notice for people on standard error (reconnecting, a fallback); never JSON.
    void notice(const QString &line) const;

private:
    bool m_json;
};

} // namespace Hubbub::Cli
