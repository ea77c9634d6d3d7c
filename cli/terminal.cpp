#include "terminal.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#endif

namespace Hubbub::Cli::Terminal {

namespace {

struct TerminalText
{
    Q_DECLARE_TR_FUNCTIONS(Hubbub::Cli::Terminal)
};

#ifndef Q_OS_WIN
//! The terminal as it was before EchoOff, for the signal handler below.
termios s_saved {};

//! Ctrl+C (or a hangup, a kill) at the prompt: the terminal gets its echo back before the
//! process ends as the signal would have ended it, instead of staying silent in the shell.
extern "C" void restoreEchoAndDie(int signal)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &s_saved); // async-signal-safe
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}
#endif

//! Turns the terminal's echo off for its lifetime (and back on, whatever happens).
class EchoOff final
{
public:
    EchoOff()
    {
#ifdef Q_OS_WIN
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        if (GetConsoleMode(m_handle, &m_mode))
            m_changed = SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT)) != 0;
#else
        if (tcgetattr(STDIN_FILENO, &m_mode) != 0)
            return;
        s_saved = m_mode;
        struct sigaction action
        { };
        action.sa_handler = restoreEchoAndDie;
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < SignalCount; ++i)
            sigaction(Signals[i], &action, &m_previous[i]);
        termios silent = m_mode;
        silent.c_lflag &= ~tcflag_t(ECHO);
        m_changed = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0;
#endif
    }
    ~EchoOff()
    {
#ifdef Q_OS_WIN
        if (m_changed)
            SetConsoleMode(m_handle, m_mode);
#else
        if (m_changed)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_mode);
        for (int i = 0; i < SignalCount; ++i)
            sigaction(Signals[i], &m_previous[i], nullptr);
#endif
    }
    Q_DISABLE_COPY_MOVE(EchoOff)

private:
#ifdef Q_OS_WIN
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    static constexpr int SignalCount = 4;
    static constexpr int Signals[SignalCount] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    termios m_mode {};
    struct sigaction m_previous[SignalCount]
    { };
#endif
    bool m_changed = false;
};

std::optional<QString> readLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromLocal8Bit(line.data(), qsizetype(line.size()));
}

} // namespace

bool isInteractive()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

std::optional<QString> askHidden(const QString &prompt)
{
    std::optional<QString> line;
    {
        // Off before the prompt shows: what is typed as soon as it appears is not echoed.
        EchoOff silent;
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        line = readLine();
    }
    std::fputs("\n", stderr); // the Enter the terminal did not echo
    return line;
}

std::optional<QString> ask(const QString &prompt)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    return readLine();
}

Result<QString> readText(const QString &path)
{
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        return makeError(ErrorCode::Invalid,
            TerminalText::tr("Cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return makeError(ErrorCode::Invalid,
            TerminalText::tr("Cannot read %1: %2").arg(path, file.errorString()));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError()) {
        return makeError(ErrorCode::Invalid,
            path == QLatin1String("-") ? TerminalText::tr("Standard input is not UTF-8 text.")
                                       : TerminalText::tr("%1 is not UTF-8 text.").arg(path));
    }
    return text;
}

Result<QString> readSecret(const QString &path)
{
    Result<QString> text = readText(path);
    if (!text)
        return text;
    QString secret = text->section(QLatin1Char('\n'), 0, 0);
    if (secret.endsWith(QLatin1Char('\r')))
        secret.chop(1);
    return secret;
}

} // namespace Hubbub::Cli::Terminal
