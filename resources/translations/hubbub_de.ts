<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Hubbub</name>
    <message>
        <source>The field &apos;%1&apos; must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame is not valid JSON: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A frame must hold one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame has no &apos;type&apos; string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown request type &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no &apos;id&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;id&apos; must be an integer from 0 to 2^53-1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing message — Esc to cancel</source>
        <translation>Nachricht bearbeiten — Esc bricht ab</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages in #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben …</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere schreiben …</translation>
    </message>
    <message>
        <source>%1 over the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 übrig</translation>
    </message>
    <message>
        <source>A message has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Composer</name>
    <message>
        <source>%1 is too large (%2); images may be at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG, GIF or WebP image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large; images may be at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach image…</source>
        <translation>Bild anhängen …</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Post title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What&apos;s new? (Ctrl+Enter posts)</source>
        <translation>Was gibt es Neues? (Strg+Enter veröffentlicht)</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Connection</name>
    <message>
        <source>The server at %1 speaks a different protocol version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Can&apos;t reach server at %1.</source>
        <translation>Server %1 ist nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ConnectionStatus</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt verbinden</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 as %2 · %n online</source>
        <translation>
            <numerusform>Verbunden mit %1 als %2 · %n online</numerusform>
            <numerusform>Verbunden mit %1 als %2 · %n online</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Catching up with %1…</source>
        <translation>Gleiche mit %1 ab …</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Neuer Versuch in %n s …</numerusform>
            <numerusform>Neuer Versuch in %n s …</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) will be sent when the connection is back</source>
        <translation>
            <numerusform>Offline — %n Änderung wird gesendet, sobald die Verbindung zurück ist</numerusform>
            <numerusform>Offline — %n Änderungen werden gesendet, sobald die Verbindung zurück ist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n change(s)…</source>
        <translation>
            <numerusform>Sende %n Änderung …</numerusform>
            <numerusform>Sende %n Änderungen …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent</source>
        <translation>
            <numerusform>%n Änderung konnte nicht gesendet werden</numerusform>
            <numerusform>%n Änderungen konnten nicht gesendet werden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::FeedView</name>
    <message>
        <source>Feed</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Posts, newest first. Enter reviews the current post; the menu key shows everything a post offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Beitrag löschen</translation>
    </message>
    <message>
        <source>Delete this post?</source>
        <translation>Diesen Beitrag löschen?</translation>
    </message>
    <message>
        <source>“%1” and its reviews will be deleted for everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has not been sent yet; it will not be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Nothing to do while this post is being deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageCache</name>
    <message>
        <source>The image could not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MainWindow</name>
    <message>
        <source>&amp;Hubbub</source>
        <translation>&amp;Hubbub</translation>
    </message>
    <message>
        <source>Change &amp;username…</source>
        <translation>&amp;Benutzernamen ändern …</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>&amp;Beiträge</translation>
    </message>
    <message>
        <source>New &amp;channel…</source>
        <translation>Neuer &amp;Kanal …</translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation>Jetzt &amp;neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Hubbub</source>
        <translation>Ü&amp;ber Hubbub</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>Neuer Kanal</translation>
    </message>
    <message>
        <source>e.g. general</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is it about? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>A channel needs a name.</source>
        <translation>Ein Kanal braucht einen Namen.</translation>
    </message>
    <message>
        <source>Change username</source>
        <translation>Benutzernamen ändern</translation>
    </message>
    <message>
        <source>New username (%1–%2 letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are now %1.</source>
        <translation>Du heißt jetzt %1.</translation>
    </message>
    <message>
        <source>About Hubbub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Hubbub %1&lt;/b&gt;&lt;p&gt;A self-hosted feed and chat for your local network.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MessageDelegate</name>
    <message>
        <source>%1 joined</source>
        <translation>%1 ist da</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 übrig</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Notifier</name>
    <message>
        <source>Hubbub</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hubbub — %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Outbox</name>
    <message>
        <source>The saved outbox %1 is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostDelegate</name>
    <message>
        <source>Review…</source>
        <translation>Bewerten …</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <source>★ %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited; not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to open the image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostEditDialog</name>
    <message>
        <source>Keep the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit post</source>
        <translation>Beitrag bearbeiten</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Reply</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>Die Verbindung zum Server ist abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReviewDialog</name>
    <message>
        <source>Review “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Click a star, or use the arrow keys or 1–5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Kommentar (optional)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Your rating:</source>
        <translation>Deine Bewertung:</translation>
    </message>
    <message>
        <source>Reviews so far:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of 5 stars</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No rating chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading reviews…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reviews could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 gave %n star(s): %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Noch keine Bewertungen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Session</name>
    <message>
        <source>New post by %1</source>
        <translation>Neuer Beitrag von %1</translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 in #%2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Sidebar</name>
    <message>
        <source>Feed</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Posts from everyone (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a channel</source>
        <translation>Kanal erstellen</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>People online</source>
        <translation>Wer ist online</translation>
    </message>
    <message>
        <source>CHANNELS</source>
        <translation>KANÄLE</translation>
    </message>
    <message>
        <source>Feed (%1 new)</source>
        <translation>Beiträge (%1 neu)</translation>
    </message>
    <message>
        <source>ONLINE — %1</source>
        <translation>ONLINE — %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SignInDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Konto erstellen</translation>
    </message>
    <message>
        <source>Sign in to Hubbub</source>
        <translation>Bei Hubbub anmelden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Hubbub&lt;/b&gt;&lt;br&gt;Sign in to a Hubbub server on your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Create a new account on this server with this username and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Use something like ws://192.168.1.10:7300.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username has %1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Params</name>
    <message>
        <source>The field &apos;%1&apos; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hubbub::Validation</name>
    <message>
        <source>%1 is too long: at most %2 characters, this has %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too short: at least %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username may contain only letters A-Z, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating must be a whole number of stars from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A channel name may not contain line breaks or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nonce</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hubbub: the feed and chat of your local network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the server at &lt;url&gt; (default: the last one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt; without the dialog, creating the account if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the password for --user from &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
