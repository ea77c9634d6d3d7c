<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Hubbub::Cli::AdminCommands</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is disabled; %n session(s) signed out.</source>
        <translation>
            <numerusform>%1 is disabled; %n session signed out.</numerusform>
            <numerusform>%1 is disabled; %n sessions signed out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::ExportCommand</name>
    <message numerus="yes">
        <source>Exported %n post(s) of the feed to %1.</source>
        <translation>
            <numerusform>Exported %n post of the feed to %1.</numerusform>
            <numerusform>Exported %n posts of the feed to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) of %1 to %2.</source>
        <translation>
            <numerusform>Exported %n message of %1 to %2.</numerusform>
            <numerusform>Exported %n messages of %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Runner</name>
    <message numerus="yes">
        <source>%1 Trying again in %n s.</source>
        <translation>
            <numerusform>%1 Trying again in %n s.</numerusform>
            <numerusform>%1 Trying again in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AccountDialog</name>
    <message numerus="yes">
        <source>Your password is changed. %n other device(s) were signed out.</source>
        <translation>
            <numerusform>Your password is changed. %n other device was signed out.</numerusform>
            <numerusform>Your password is changed. %n other devices were signed out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AdminDialog</name>
    <message numerus="yes">
        <source>Valid for %n day(s)</source>
        <translation>
            <numerusform>Valid for %n day</numerusform>
            <numerusform>Valid for %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatModel</name>
    <message numerus="yes">
        <source>%1 joined</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 joined</numerusform>
            <numerusform>%1 joined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 left</numerusform>
            <numerusform>%1 left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Composer</name>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>The text is %n character too long.</numerusform>
            <numerusform>The text is %n characters too long.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ConnectionStatus</name>
    <message numerus="yes">
        <source>Connected to %1 as %2 · %n online</source>
        <translation>
            <numerusform>Connected to %1 as %2 · %n online</numerusform>
            <numerusform>Connected to %1 as %2 · %n online</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconnecting in %n s…</numerusform>
            <numerusform>Reconnecting in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) will be sent when the connection is back</source>
        <translation>
            <numerusform>Offline — %n change will be sent when the connection is back</numerusform>
            <numerusform>Offline — %n changes will be sent when the connection is back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n change(s)…</source>
        <translation>
            <numerusform>Sending %n change…</numerusform>
            <numerusform>Sending %n changes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent</source>
        <translation>
            <numerusform>%n change could not be sent</numerusform>
            <numerusform>%n changes could not be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::EditHistoryDialog</name>
    <message numerus="yes">
        <source>%n version(s), oldest first</source>
        <translation>
            <numerusform>%n version, oldest first</numerusform>
            <numerusform>%n versions, oldest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ErrorText</name>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many requests. Try again in %n second.</numerusform>
            <numerusform>Too many requests. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts to sign in. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts to sign in. Try again in %n second.</numerusform>
            <numerusform>Too many attempts to sign in. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Notifier</name>
    <message numerus="yes">
        <source>Hubbub — %n unread</source>
        <translation>
            <numerusform>Hubbub — %n unread</numerusform>
            <numerusform>Hubbub — %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::OfflineBanner</name>
    <message numerus="yes">
        <source>Offline. Retrying in %n s</source>
        <translation>
            <numerusform>Offline. Retrying in %n s</numerusform>
            <numerusform>Offline. Retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostEditDialog</name>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>The text is %n character too long.</numerusform>
            <numerusform>The text is %n characters too long.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Reactions</name>
    <message numerus="yes">
        <source>%n other(s)</source>
        <comment>who reacted</comment>
        <translation>
            <numerusform>%n other</numerusform>
            <numerusform>%n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReviewDialog</name>
    <message numerus="yes">
        <source>%n of 5 stars</source>
        <translation>
            <numerusform>%n of 5 stars</numerusform>
            <numerusform>%n of 5 stars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 gave %n star(s): %2</source>
        <translation>
            <numerusform>%1 gave %n star: %2</numerusform>
            <numerusform>%1 gave %n stars: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SearchPanel</name>
    <message numerus="yes">
        <source>%n result(s), newest first.</source>
        <translation>
            <numerusform>%n result, newest first.</numerusform>
            <numerusform>%n results, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
</TS>
