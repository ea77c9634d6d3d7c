<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>Hubbub feed and chat server</source>
        <translation>Hubbub-Server für Beiträge und Chat</translation>
    </message>
    <message>
        <source>Address to listen on (default: all).</source>
        <translation>Adresse, auf der gelauscht wird (Standard: alle).</translation>
    </message>
    <message>
        <source>Port (default 7300; 0 picks a free one).</source>
        <translation>Port (Standard 7300; 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>full: fsync every commit (default); normal: faster, may lose the last commits on power loss.</source>
        <translation>full: fsync bei jedem Commit (Standard); normal: schneller, bei Stromausfall können die letzten Commits verloren gehen.</translation>
    </message>
    <message>
        <source>Events kept for catching up after a reconnect (default 100000).</source>
        <translation>Ereignisse, die zum Aufholen nach einem Neuverbinden aufbewahrt werden (Standard 100000).</translation>
    </message>
    <message>
        <source>Make USERNAME an admin and exit.</source>
        <translation>USERNAME zum Admin machen und beenden.</translation>
    </message>
    <message>
        <source>Log every connection and the type of every request.</source>
        <translation>Jede Verbindung und den Typ jeder Anfrage protokollieren.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--host: &apos;%1&apos; is not an IP address</source>
        <translation>--host: „%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>--port: &apos;%1&apos; is not a port number</source>
        <translation>--port: „%1“ ist keine Portnummer</translation>
    </message>
    <message>
        <source>--durability must be full or normal</source>
        <translation>--durability muss full oder normal sein</translation>
    </message>
    <message>
        <source>--event-retention must be a whole number of at least 1</source>
        <translation>--event-retention muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>no writable data folder; pass --db FILE</source>
        <translation>kein beschreibbarer Datenordner; --db DATEI angeben</translation>
    </message>
    <message>
        <source>the folder of %1 does not exist</source>
        <translation>der Ordner von %1 existiert nicht</translation>
    </message>
    <message>
        <source>there is no database at %1</source>
        <translation>unter %1 gibt es keine Datenbank</translation>
    </message>
    <message>
        <source>on: wss://, TLS 1.2 or newer (default); off: plain ws://, for a trusted network or a proxy that does TLS.</source>
        <translation>on: wss://, TLS 1.2 oder neuer (Standard); off: unverschlüsseltes ws://, für ein vertrauenswürdiges Netz oder hinter einem Proxy, der TLS macht.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) to serve. Default: a self-signed one made on the first start beside the database. Read again on SIGHUP.</source>
        <translation>PEM-Zertifikat (oder -Kette), das der Server vorzeigt. Standard: ein selbst signiertes, beim ersten Start neben der Datenbank erzeugt. Wird bei SIGHUP neu gelesen.</translation>
    </message>
    <message>
        <source>PEM private key of --tls-cert. Read again on SIGHUP.</source>
        <translation>Privater PEM-Schlüssel zu --tls-cert. Wird bei SIGHUP neu gelesen.</translation>
    </message>
    <message>
        <source>The server&apos;s name, as people on the network see it (default: the host name).</source>
        <translation>Der Name des Servers, wie ihn die Leute im Netz sehen (Standard: der Rechnername).</translation>
    </message>
    <message>
        <source>Do not announce the server on the local network.</source>
        <translation>Den Server nicht im lokalen Netz ankündigen.</translation>
    </message>
    <message>
        <source>UDP port of the announcements on the local network (default 7300).</source>
        <translation>UDP-Port der Ankündigungen im lokalen Netz (Standard 7300).</translation>
    </message>
    <message>
        <source>--tls must be on or off</source>
        <translation>--tls muss on oder off sein</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert und --tls-key gehören zusammen</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key need TLS on</source>
        <translation>--tls-cert und --tls-key brauchen eingeschaltetes TLS</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--name must be at most 63 characters, none of them control characters</source>
        <translation>--name darf höchstens 63 Zeichen lang sein, ohne Steuerzeichen</translation>
    </message>
    <message>
        <source>--discovery-port: &apos;%1&apos; is not a port number</source>
        <translation>--discovery-port: „%1“ ist keine Portnummer</translation>
    </message>
    <message>
        <source>open: anyone may create an account (default); invite: only with an invite code from an admin; closed: only existing users log in.</source>
        <translation>open: jeder kann ein Konto anlegen (Standard); invite: nur mit einem Einladungscode von der Administration; closed: nur bestehende Konten melden sich an.</translation>
    </message>
    <message>
        <source>--registration must be open, invite or closed</source>
        <translation>--registration muss open, invite oder closed sein</translation>
    </message>
    <message>
        <source>Serve /metrics (Prometheus) and /healthz over HTTP on this port (default: off).</source>
        <translation>Stellt /metrics (Prometheus) und /healthz per HTTP auf diesem Port bereit (Standard: aus).</translation>
    </message>
    <message>
        <source>Address of the metrics port (default 127.0.0.1). Anyone who can reach it can read the metrics.</source>
        <translation>Adresse des Metrik-Ports (Standard 127.0.0.1). Wer ihn erreichen kann, kann die Metriken lesen.</translation>
    </message>
    <message>
        <source>--metrics-port: &apos;%1&apos; is not a port number</source>
        <translation>--metrics-port: „%1“ ist keine Portnummer</translation>
    </message>
    <message>
        <source>--metrics-address needs --metrics-port</source>
        <translation>--metrics-address braucht --metrics-port</translation>
    </message>
    <message>
        <source>--metrics-address: &apos;%1&apos; is not an IP address</source>
        <translation>--metrics-address: „%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>SQLite database file, or a PostgreSQL database as postgresql://USER@HOST:PORT/DBNAME, which any number of instances may share (the password from PGPASSFILE or PGPASSWORD, never here).</source>
        <translation>SQLite-Datenbankdatei oder eine PostgreSQL-Datenbank als postgresql://USER@HOST:PORT/DBNAME, die beliebig viele Instanzen teilen können (das Passwort aus PGPASSFILE oder PGPASSWORD, nie hier).</translation>
    </message>
    <message>
        <source>With PostgreSQL: the folder for uploaded files and the self-signed certificate; instances of one database share it (default: the user&apos;s data folder).</source>
        <translation>Mit PostgreSQL: der Ordner für hochgeladene Dateien und das selbstsignierte Zertifikat; die Instanzen einer Datenbank teilen ihn (Standard: der Datenordner des Benutzers).</translation>
    </message>
    <message>
        <source>no writable data folder; pass --data-dir DIR</source>
        <translation>kein beschreibbarer Datenordner; --data-dir DIR angeben</translation>
    </message>
    <message>
        <source>--data-dir is for PostgreSQL; an SQLite database keeps its files beside it</source>
        <translation>--data-dir ist für PostgreSQL; eine SQLite-Datenbank hält ihre Dateien neben sich</translation>
    </message>
    <message>
        <source>Copy the SQLite database FILE (with its files and certificate) into the empty PostgreSQL database of --db, check it row by row, and exit.</source>
        <translation>Die SQLite-Datenbank FILE (mit ihren Dateien und dem Zertifikat) in die leere PostgreSQL-Datenbank von --db kopieren, Zeile für Zeile prüfen und beenden.</translation>
    </message>
    <message>
        <source>--migrate-from copies into PostgreSQL: pass --db postgresql://…</source>
        <translation>--migrate-from kopiert nach PostgreSQL: --db postgresql://… angeben</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmation</name>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli</name>
    <message>
        <source>Show the help of hubbub-cli or of a command.</source>
        <translation>Die Hilfe zu hubbub-cli oder zu einem Befehl anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::AccountCommands</name>
    <message>
        <source>%1 can be read by other users of this computer; chmod 600 %1 makes it yours alone.</source>
        <translation>%1 ist für andere Benutzer dieses Computers lesbar; mit chmod 600 %1 gehört sie Ihnen allein.</translation>
    </message>
    <message>
        <source>No password: standard input is not a terminal to ask at. Set %1 or use a password file (&quot;-&quot; for standard input).</source>
        <translation>Kein Passwort: Die Standardeingabe ist kein Terminal, an dem es abgefragt werden kann. Setzen Sie %1 oder verwenden Sie eine Passwortdatei („-“ für die Standardeingabe).</translation>
    </message>
    <message>
        <source>Once more: </source>
        <translation>Noch einmal: </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>No password was typed.</source>
        <translation>Es wurde kein Passwort eingegeben.</translation>
    </message>
    <message>
        <source>[admin]</source>
        <translation>[Administration]</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt; (required).</source>
        <translation>Als &lt;name&gt; anmelden (erforderlich).</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (&quot;-&quot;: standard input).</source>
        <translation>Das Passwort aus der ersten Zeile von &lt;file&gt; lesen („-“: die Standardeingabe).</translation>
    </message>
    <message>
        <source>Create the account (on a server that lets you) instead of signing in.</source>
        <translation>Das Konto anlegen (auf einem Server, der es erlaubt), statt sich anzumelden.</translation>
    </message>
    <message>
        <source>The invite code an admin gave you, with --create-account on a server that takes new accounts by invitation.</source>
        <translation>Der Einladungscode, den Sie von der Administration bekommen haben, mit --create-account auf einem Server, der neue Konten nur auf Einladung annimmt.</translation>
    </message>
    <message>
        <source>Trust the server&apos;s self-signed certificate whose SHA-256 fingerprint is &lt;sha256&gt;, as hubbub-server prints it.</source>
        <translation>Dem selbstsignierten Zertifikat des Servers vertrauen, dessen SHA-256-Fingerabdruck &lt;sha256&gt; ist, wie hubbub-server ihn ausgibt.</translation>
    </message>
    <message>
        <source>After signing in with a one-time code from an admin: read the new password from &lt;file&gt; (else HUBBUB_NEW_PASSWORD, else a prompt).</source>
        <translation>Nach der Anmeldung mit einem Einmalcode der Administration: das neue Passwort aus &lt;file&gt; lesen (sonst HUBBUB_NEW_PASSWORD, sonst eine Abfrage).</translation>
    </message>
    <message>
        <source>Sign in and keep the token for the next commands.</source>
        <translation>Anmelden und das Token für die nächsten Befehle aufbewahren.</translation>
    </message>
    <message>
        <source>The password comes from the prompt (without echo), the environment variable HUBBUB_PASSWORD, or --password-file; never from the command line. The token is kept in the system&apos;s keychain (else a file only you can read), or in --config&apos;s folder. hubbub-cli is a session of its own on the server, apart from the app&apos;s.</source>
        <translation>Das Passwort kommt aus der Abfrage (ohne Echo), der Umgebungsvariablen HUBBUB_PASSWORD oder --password-file, nie von der Befehlszeile. Das Token wird im Schlüsselbund des Systems aufbewahrt (sonst in einer Datei, die nur Sie lesen können) oder im Ordner von --config. hubbub-cli ist auf dem Server eine eigene Sitzung, getrennt von der der App.</translation>
    </message>
    <message>
        <source>login needs --user NAME.</source>
        <translation>login braucht --user NAME.</translation>
    </message>
    <message>
        <source>--trust-fingerprint needs a SHA-256 fingerprint: 32 hex pairs joined by colons.</source>
        <translation>--trust-fingerprint braucht einen SHA-256-Fingerabdruck: 32 Hex-Paare, durch Doppelpunkte getrennt.</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>Passwort für %1 auf %2: </translation>
    </message>
    <message>
        <source>Trust this certificate? [y/N] </source>
        <translation>Diesem Zertifikat vertrauen? [y/N] </translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>Das Zertifikat von %1 hat sich geändert.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut.</translation>
    </message>
    <message>
        <source>You signed in with a one-time code. New password: </source>
        <translation>Sie haben sich mit einem Einmalcode angemeldet. Neues Passwort: </translation>
    </message>
    <message>
        <source>Only forget the token here, without telling the server (when it cannot be reached; the session stays valid until it expires or is signed out from another device).</source>
        <translation>Das Token nur hier vergessen, ohne es dem Server zu sagen (wenn er nicht erreichbar ist; die Sitzung bleibt gültig, bis sie abläuft oder von einem anderen Gerät abgemeldet wird).</translation>
    </message>
    <message>
        <source>Sign out: end this session on the server and forget the token.</source>
        <translation>Abmelden: diese Sitzung auf dem Server beenden und das Token vergessen.</translation>
    </message>
    <message>
        <source>Forgot the token for %1.</source>
        <translation>Das Token für %1 ist vergessen.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
    <message>
        <source>Show who is signed in, on which server.</source>
        <translation>Anzeigen, wer auf welchem Server angemeldet ist.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Token kept in %1.</source>
        <translation>Token aufbewahrt in %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::AdminCommands</name>
    <message>
        <source>There is no user named %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <source>List every account.</source>
        <translation>Alle Konten auflisten.</translation>
    </message>
    <message>
        <source>admin commands</source>
        <translation>Administrationsbefehle</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>one-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>A username or a user id.</source>
        <translation>Ein Benutzername oder eine Benutzer-ID.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is disabled; %n session(s) signed out.</source>
        <translation>
            <numerusform>%1 ist deaktiviert; %n Sitzung abgemeldet.</numerusform>
            <numerusform>%1 ist deaktiviert; %n Sitzungen abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
    <message>
        <source>One-time code for %1: %2 (valid until %3). Give it to them in person.</source>
        <translation>Einmalcode für %1: %2 (gültig bis %3). Geben Sie ihn persönlich weiter.</translation>
    </message>
    <message>
        <source>Make someone an admin or a member.</source>
        <translation>Jemanden zur Administration oder zum Mitglied machen.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>admin or member.</source>
        <translation>admin oder member.</translation>
    </message>
    <message>
        <source>ROLE must be admin or member.</source>
        <translation>ROLLE muss admin oder member sein.</translation>
    </message>
    <message>
        <source>%1 is an admin.</source>
        <translation>%1 gehört zur Administration.</translation>
    </message>
    <message>
        <source>%1 is a member.</source>
        <translation>%1 ist Mitglied.</translation>
    </message>
    <message>
        <source>Valid for &lt;n&gt; hours (1 to 720, default 168: a week).</source>
        <translation>Gültig für &lt;n&gt; Stunden (1 bis 720, Standard 168: eine Woche).</translation>
    </message>
    <message>
        <source>Make an invite code for a new account.</source>
        <translation>Einen Einladungscode für ein neues Konto erstellen.</translation>
    </message>
    <message>
        <source>invites</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Invite code: %1 (valid until %2).</source>
        <translation>Einladungscode: %1 (gültig bis %2).</translation>
    </message>
    <message>
        <source>List the open invites and those used or expired lately.</source>
        <translation>Die offenen Einladungen auflisten und die kürzlich benutzten oder abgelaufenen.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>benutzt von %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Withdraw an unused invite.</source>
        <translation>Eine unbenutzte Einladung zurückziehen.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The invite&apos;s id (invite list).</source>
        <translation>Die ID der Einladung (invite list).</translation>
    </message>
    <message>
        <source>Invite %1 withdrawn.</source>
        <translation>Einladung %1 zurückgezogen.</translation>
    </message>
    <message>
        <source>The &lt;n&gt; newest entries (1 to 500, default 100).</source>
        <translation>Die &lt;n&gt; neuesten Einträge (1 bis 500, Standard 100).</translation>
    </message>
    <message>
        <source>Only entries older than the entry &lt;id&gt;.</source>
        <translation>Nur Einträge, die älter sind als der Eintrag &lt;id&gt;.</translation>
    </message>
    <message>
        <source>Show the audit log of what admins changed, newest first.</source>
        <translation>Das Prüfprotokoll der Änderungen durch die Administration zeigen, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>das Prüfprotokoll</translation>
    </message>
    <message>
        <source>Disable an account and sign out all its devices.</source>
        <translation>Ein Konto deaktivieren und alle seine Geräte abmelden.</translation>
    </message>
    <message>
        <source>Let a disabled account sign in again.</source>
        <translation>Ein deaktiviertes Konto wieder anmelden lassen.</translation>
    </message>
    <message>
        <source>Replace someone&apos;s password with a one-time code.</source>
        <translation>Das Passwort von jemandem durch einen Einmalcode ersetzen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::CliSettings</name>
    <message>
        <source>the system&apos;s keychain (service &quot;%1&quot;)</source>
        <translation>dem Schlüsselbund des Systems (Dienst „%1“)</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::CommandLine</name>
    <message>
        <source>Keep the sign-in and settings in &lt;dir&gt; (hubbub-cli.ini, secrets.json) instead of the system&apos;s settings and keychain; also the environment variable HUBBUB_CLI_CONFIG.</source>
        <translation>Anmeldung und Einstellungen in &lt;dir&gt; aufbewahren (hubbub-cli.ini, secrets.json) statt in den Einstellungen und im Schlüsselbund des Systems; auch die Umgebungsvariable HUBBUB_CLI_CONFIG.</translation>
    </message>
    <message>
        <source>Print results as JSON, one value per line, and errors on standard error as JSON.</source>
        <translation>Ergebnisse als JSON ausgeben, ein Wert pro Zeile, und Fehler als JSON auf der Standardfehlerausgabe.</translation>
    </message>
    <message>
        <source>Give up when the server does not answer within &lt;seconds&gt; (default 15).</source>
        <translation>Aufgeben, wenn der Server nicht innerhalb von &lt;seconds&gt; Sekunden antwortet (Standard 15).</translation>
    </message>
    <message>
        <source>Log the connection on standard error.</source>
        <translation>Die Verbindung auf der Standardfehlerausgabe protokollieren.</translation>
    </message>
    <message>
        <source>hubbub-cli: the command-line client of Hubbub, the feed and chat of your local network.</source>
        <translation>hubbub-cli: der Kommandozeilen-Client von Hubbub, Beiträge und Chat Ihres lokalen Netzwerks.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Exit-Codes:</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>the server refused (invalid, conflict, rate limited, …) or another error</source>
        <translation>der Server hat abgelehnt (ungültig, Konflikt, zu viele Anfragen …) oder ein anderer Fehler</translation>
    </message>
    <message>
        <source>wrong command line, or input that cannot be read</source>
        <translation>falsche Befehlszeile oder nicht lesbare Eingabe</translation>
    </message>
    <message>
        <source>not signed in, or the sign-in or the token was refused</source>
        <translation>nicht angemeldet, oder Anmeldung oder Token abgelehnt</translation>
    </message>
    <message>
        <source>not found (channel, user, message, invite)</source>
        <translation>nicht gefunden (Kanal, Benutzer, Nachricht, Einladung)</translation>
    </message>
    <message>
        <source>not allowed (e.g. an admin command as a member)</source>
        <translation>nicht erlaubt (z. B. ein Administrationsbefehl als Mitglied)</translation>
    </message>
    <message>
        <source>the server cannot be reached or did not answer in time</source>
        <translation>der Server ist nicht erreichbar oder hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (see login --trust-fingerprint)</source>
        <translation>dem Zertifikat des Servers wird nicht vertraut (siehe login --trust-fingerprint)</translation>
    </message>
    <message>
        <source>tail: the server no longer has the events after the state&apos;s seq</source>
        <translation>tail: Der Server hat die Ereignisse nach der seq des Zustands nicht mehr</translation>
    </message>
    <message>
        <source>Run &quot;hubbub-cli help COMMAND&quot; for the arguments and options of a command.</source>
        <translation>Mit „hubbub-cli help BEFEHL“ sehen Sie die Argumente und Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>One of the commands above.</source>
        <translation>Einer der Befehle oben.</translation>
    </message>
    <message>
        <source>COMMAND [ARGUMENTS]</source>
        <translation>BEFEHL [ARGUMENTE]</translation>
    </message>
    <message>
        <source>Exit codes: see &quot;hubbub-cli --help&quot;.</source>
        <translation>Exit-Codes: siehe „hubbub-cli --help“.</translation>
    </message>
    <message>
        <source>Commands of &quot;%1&quot;:</source>
        <translation>Befehle von „%1“:</translation>
    </message>
    <message>
        <source>Run &quot;hubbub-cli help %1 COMMAND&quot; for the arguments and options of one.</source>
        <translation>Mit „hubbub-cli help %1 BEFEHL“ sehen Sie die Argumente und Optionen eines davon.</translation>
    </message>
    <message>
        <source>hubbub-cli takes no password on the command line (it would show in process lists and the shell&apos;s history): type it at the prompt, or use HUBBUB_PASSWORD or --password-file FILE.</source>
        <translation>hubbub-cli nimmt kein Passwort auf der Befehlszeile an (es wäre in Prozesslisten und im Verlauf der Shell zu sehen): Geben Sie es bei der Abfrage ein oder verwenden Sie HUBBUB_PASSWORD oder --password-file DATEI.</translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot;. Run &quot;hubbub-cli --help&quot; for the list.</source>
        <translation>Es gibt keinen Befehl „%1“. Die Liste zeigt „hubbub-cli --help“.</translation>
    </message>
    <message>
        <source>Wrong number of arguments. Usage: %1</source>
        <translation>Falsche Anzahl von Argumenten. Aufruf: %1</translation>
    </message>
    <message>
        <source>--server needs a wss:// or ws:// address, e.g. wss://192.168.1.10:7300</source>
        <translation>--server braucht eine wss://- oder ws://-Adresse, z. B. wss://192.168.1.10:7300</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds from 1 to 3600.</source>
        <translation>--timeout braucht eine ganze Zahl von Sekunden zwischen 1 und 3600.</translation>
    </message>
    <message>
        <source>The server, e.g. wss://192.168.1.10:7300 (default: the last one signed in to). A server with several addresses: all of them, separated by commas, tried in turn.</source>
        <translation>Der Server, z. B. wss://192.168.1.10:7300 (Standard: der zuletzt angemeldete). Ein Server mit mehreren Adressen: alle, durch Kommas getrennt, der Reihe nach versucht.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Commands</name>
    <message>
        <source>%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein, nicht „%4“.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::ContentCommands</name>
    <message>
        <source>List the channels and your direct conversations.</source>
        <translation>Die Kanäle und Ihre Direktunterhaltungen auflisten.</translation>
    </message>
    <message>
        <source>Publish a post in the feed.</source>
        <translation>Einen Beitrag veröffentlichen.</translation>
    </message>
    <message>
        <source>Example, from cron: df -h | hubbub-cli post &quot;Disk space on $(hostname)&quot; -</source>
        <translation>Beispiel, aus cron: df -h | hubbub-cli post &quot;Disk space on $(hostname)&quot; -</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>The post&apos;s title.</source>
        <translation>Der Titel des Beitrags.</translation>
    </message>
    <message>
        <source>[TEXT|-]</source>
        <translation>[TEXT|-]</translation>
    </message>
    <message>
        <source>Its text (Markdown); &quot;-&quot; reads it from standard input.</source>
        <translation>Sein Text (Markdown); „-“ liest ihn von der Standardeingabe.</translation>
    </message>
    <message>
        <source>Posted [%1] %2.</source>
        <translation>Veröffentlicht [%1] %2.</translation>
    </message>
    <message>
        <source>Send a message to a channel or a person.</source>
        <translation>Eine Nachricht an einen Kanal oder eine Person senden.</translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation>KANAL</translation>
    </message>
    <message>
        <source>#name or name, a channel id, or @user for a direct conversation.</source>
        <translation>#name oder name, eine Kanal-ID oder @benutzer für eine Direktunterhaltung.</translation>
    </message>
    <message>
        <source>TEXT|-</source>
        <translation>TEXT|-</translation>
    </message>
    <message>
        <source>The message (Markdown); &quot;-&quot; reads it from standard input.</source>
        <translation>Die Nachricht (Markdown); „-“ liest sie von der Standardeingabe.</translation>
    </message>
    <message>
        <source>Sent [%1] to %2.</source>
        <translation>[%1] an %2 gesendet.</translation>
    </message>
    <message>
        <source>Show the &lt;n&gt; newest messages (1 to 200, default 50).</source>
        <translation>Die &lt;n&gt; neuesten Nachrichten zeigen (1 bis 200, Standard 50).</translation>
    </message>
    <message>
        <source>Only messages older than the message &lt;id&gt;: the next page back.</source>
        <translation>Nur Nachrichten, die älter sind als die Nachricht &lt;id&gt;: die Seite davor.</translation>
    </message>
    <message>
        <source>Show the latest messages of a channel or conversation.</source>
        <translation>Die letzten Nachrichten eines Kanals oder einer Unterhaltung zeigen.</translation>
    </message>
    <message>
        <source>No messages in %1.</source>
        <translation>Keine Nachrichten in %1.</translation>
    </message>
    <message>
        <source>Older messages: --before %1</source>
        <translation>Ältere Nachrichten: --before %1</translation>
    </message>
    <message>
        <source>Search &lt;what&gt;: all (default), messages or posts.</source>
        <translation>In &lt;what&gt; suchen: all (Standard), messages oder posts.</translation>
    </message>
    <message>
        <source>Only messages of &lt;channel&gt;.</source>
        <translation>Nur Nachrichten von &lt;channel&gt;.</translation>
    </message>
    <message>
        <source>At most &lt;n&gt; results (1 to 50, default 20).</source>
        <translation>Höchstens &lt;n&gt; Ergebnisse (1 bis 50, Standard 20).</translation>
    </message>
    <message>
        <source>Search messages and posts (on servers that can).</source>
        <translation>Nachrichten und Beiträge durchsuchen (auf Servern, die das können).</translation>
    </message>
    <message>
        <source>All words must match, in any case and with or without accents; &quot;a phrase&quot; in quotes matches the words together; word* matches the beginning of words. The newest first.</source>
        <translation>Alle Wörter müssen vorkommen, unabhängig von Groß- und Kleinschreibung und Akzenten; &quot;eine Wendung&quot; in Anführungszeichen findet die Wörter zusammen; wort* findet Wortanfänge. Die neuesten zuerst.</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>SUCHE</translation>
    </message>
    <message>
        <source>What to look for.</source>
        <translation>Wonach gesucht wird.</translation>
    </message>
    <message>
        <source>--in must be all, messages or posts.</source>
        <translation>--in muss all, messages oder posts sein.</translation>
    </message>
    <message>
        <source>search</source>
        <translation>die Suche</translation>
    </message>
    <message>
        <source>post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::ExportCommand</name>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n post(s) of the feed to %1.</source>
        <translation>
            <numerusform>%n Beitrag nach %1 exportiert.</numerusform>
            <numerusform>%n Beiträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) of %1 to %2.</source>
        <translation>
            <numerusform>%n Nachricht von %1 nach %2 exportiert.</numerusform>
            <numerusform>%n Nachrichten von %1 nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>json (default) or csv.</source>
        <translation>json (Standard) oder csv.</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; (whole or not at all) instead of standard output.</source>
        <translation>In &lt;file&gt; schreiben (ganz oder gar nicht) statt auf die Standardausgabe.</translation>
    </message>
    <message>
        <source>Export all of a channel, a conversation or the feed.</source>
        <translation>Einen ganzen Kanal, eine Unterhaltung oder alle Beiträge exportieren.</translation>
    </message>
    <message>
        <source>Oldest first. JSON: an array of the messages or posts as the server sends them. CSV (RFC 4180, UTF-8): messages have the columns id, channel_id, author_id, author, author_display_name, created_at, edited_at, reply_to, text, files; posts id, author_id, author, author_display_name, created_at, updated_at, title, content, rating_average, rating_count, image_id, files (file names, one per line).</source>
        <translation>Die ältesten zuerst. JSON: ein Array der Nachrichten oder Beiträge, wie der Server sie sendet. CSV (RFC 4180, UTF-8): Nachrichten haben die Spalten id, channel_id, author_id, author, author_display_name, created_at, edited_at, reply_to, text, files; Beiträge id, author_id, author, author_display_name, created_at, updated_at, title, content, rating_average, rating_count, image_id, files (Dateinamen, einer pro Zeile).</translation>
    </message>
    <message>
        <source>CHANNEL|@user|feed</source>
        <translation>KANAL|@benutzer|feed</translation>
    </message>
    <message>
        <source>A channel (#name, name or id), the direct conversation with @user, or the feed.</source>
        <translation>Ein Kanal (#name, name oder ID), die Direktunterhaltung mit @benutzer oder die Beiträge.</translation>
    </message>
    <message>
        <source>--format must be json or csv.</source>
        <translation>--format muss json oder csv sein.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Runner</name>
    <message>
        <source>%1 Sign in again: hubbub-cli login --user NAME</source>
        <translation>%1 Melden Sie sich erneut an: hubbub-cli login --user NAME</translation>
    </message>
    <message>
        <source>You signed in with a one-time code and have not chosen a password yet. Sign in again: hubbub-cli login --user NAME</source>
        <translation>Sie haben sich mit einem Einmalcode angemeldet und noch kein Passwort gewählt. Melden Sie sich erneut an: hubbub-cli login --user NAME</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>Das Zertifikat von %1 hat sich geändert.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut.</translation>
    </message>
    <message numerus="yes">
        <source>%1 Trying again in %n s.</source>
        <translation>
            <numerusform>%1 Neuer Versuch in %n s.</numerusform>
            <numerusform>%1 Neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in to %1. Sign in first: hubbub-cli login --user NAME</source>
        <translation>Nicht bei %1 angemeldet. Melden Sie sich zuerst an: hubbub-cli login --user NAME</translation>
    </message>
    <message>
        <source>The server at %1 cannot do this: %2 (it does not announce &quot;%3&quot;).</source>
        <translation>Der Server unter %1 kann das nicht: %2 (er kündigt „%3“ nicht an).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has the SHA-256 fingerprint %1.</source>
        <translation>Das Zertifikat des Servers hat den SHA-256-Fingerabdruck %1.</translation>
    </message>
    <message>
        <source>The one trusted before was %1.</source>
        <translation>Das bisher vertraute war %1.</translation>
    </message>
    <message>
        <source>If hubbub-server printed this fingerprint, trust it with: hubbub-cli login --server %1 --trust-fingerprint %2 --user NAME</source>
        <translation>Wenn hubbub-server diesen Fingerabdruck ausgegeben hat, vertrauen Sie ihm mit: hubbub-cli login --server %1 --trust-fingerprint %2 --user NAME</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::TailCommand</name>
    <message>
        <source>Cannot read the state file %1: %2</source>
        <translation>Die Zustandsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The state file %1 is not one hubbub-cli wrote; remove it, or give another one.</source>
        <translation>Die Zustandsdatei %1 stammt nicht von hubbub-cli; entfernen Sie sie oder geben Sie eine andere an.</translation>
    </message>
    <message>
        <source>The state file %1 is for the server %2, not %3.</source>
        <translation>Die Zustandsdatei %1 gehört zum Server %2, nicht zu %3.</translation>
    </message>
    <message>
        <source>Keep the seq of the last line printed in &lt;file&gt;, and start after it: a script restarted with the same file misses nothing and repeats nothing.</source>
        <translation>Die seq der zuletzt ausgegebenen Zeile in &lt;file&gt; aufbewahren und danach weitermachen: Ein mit derselben Datei neu gestartetes Skript verpasst nichts und wiederholt nichts.</translation>
    </message>
    <message>
        <source>Start with the events after &lt;seq&gt; (over the state file&apos;s).</source>
        <translation>Mit den Ereignissen nach &lt;seq&gt; beginnen (vor dem Wert der Zustandsdatei).</translation>
    </message>
    <message>
        <source>Follow the server&apos;s events as JSON lines.</source>
        <translation>Die Ereignisse des Servers als JSON-Zeilen verfolgen.</translation>
    </message>
    <message>
        <source>The server no longer has all the events after the last one printed, or its database was replaced; its newest is %1. Start again without --since and the state file to follow from now.</source>
        <translation>Der Server hat nicht mehr alle Ereignisse nach dem zuletzt ausgegebenen, oder seine Datenbank wurde ersetzt; sein neuestes ist %1. Starten Sie ohne --since und Zustandsdatei neu, um ab jetzt zu folgen.</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write the state file %1: %2</source>
        <translation>Die Zustandsdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>One line per event, flushed at once: {&quot;seq&quot;:N,&quot;type&quot;:&quot;message.created&quot;,&quot;data&quot;:{…}}, the data as docs/protocol.md describes each event. Without --since or a state file it starts with the events from now on. A lost connection is retried (the server&apos;s next address at once, if --server gives several; then with backoff) and caught up with sync, so no event is missed or repeated. Runs until SIGINT or SIGTERM (exit 0) or until the server refuses the token (3). Events of direct conversations of others are not shown (their seq is skipped). Example: hubbub-cli tail --state ~/.hubbub-tail | jq -r &apos;select(.type==&quot;post.created&quot;) | .data.post.title&apos;</source>
        <translation>Eine Zeile pro Ereignis, sofort geschrieben: {&quot;seq&quot;:N,&quot;type&quot;:&quot;message.created&quot;,&quot;data&quot;:{…}}, die Daten so, wie docs/protocol.md jedes Ereignis beschreibt. Ohne --since oder Zustandsdatei beginnt es mit den Ereignissen ab jetzt. Eine verlorene Verbindung wird erneut versucht (sofort an der nächsten Adresse des Servers, wenn --server mehrere nennt; dann mit wachsendem Abstand) und mit sync nachgeholt, sodass kein Ereignis fehlt oder doppelt kommt. Läuft bis SIGINT oder SIGTERM (Exit 0) oder bis der Server das Token ablehnt (3). Ereignisse aus Direktunterhaltungen anderer werden nicht gezeigt (ihre seq wird übersprungen). Beispiel: hubbub-cli tail --state ~/.hubbub-tail | jq -r &apos;select(.type==&quot;post.created&quot;) | .data.post.title&apos;</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Targets</name>
    <message>
        <source>direct conversations</source>
        <translation>Direktunterhaltungen</translation>
    </message>
    <message>
        <source>There is no user named %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <source>A direct conversation needs someone other than you.</source>
        <translation>Eine Direktunterhaltung braucht jemand anderen als Sie.</translation>
    </message>
    <message>
        <source>You have no direct conversation with %1.</source>
        <translation>Sie haben keine Direktunterhaltung mit %1.</translation>
    </message>
    <message>
        <source>No channel named.</source>
        <translation>Kein Kanal angegeben.</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>Unterhaltung %1</translation>
    </message>
    <message>
        <source>There is no channel #%1.</source>
        <translation>Es gibt keinen Kanal #%1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Terminal</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Standard input is not UTF-8 text.</source>
        <translation>Die Standardeingabe ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 ist kein UTF-8-Text.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AccountDialog</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>&amp;Passwort ändern …</translation>
    </message>
    <message>
        <source>Sign out &amp;device</source>
        <translation>&amp;Gerät abmelden</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere…</source>
        <translation>&amp;Überall abmelden …</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Ihr Konto</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Angemeldet als %1 auf %2</translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation>Angemeldete Geräte</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet am</translation>
    </message>
    <message>
        <source>End the sign-in of the selected device; it will ask for the password again.</source>
        <translation>Beendet die Anmeldung des gewählten Geräts; es fragt dann wieder nach dem Passwort.</translation>
    </message>
    <message>
        <source>End every sign-in of your account, this one too.</source>
        <translation>Beendet jede Anmeldung Ihres Kontos, auch diese.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Changing it signs out your other devices.</source>
        <translation>Eine Änderung meldet Ihre anderen Geräte ab.</translation>
    </message>
    <message>
        <source>Hubbub is offline; the list of devices shows when it is back.</source>
        <translation>Hubbub ist offline; die Liste der Geräte erscheint, sobald es wieder verbunden ist.</translation>
    </message>
    <message>
        <source>Unknown app</source>
        <translation>Unbekannte App</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>Jetzt online</translation>
    </message>
    <message numerus="yes">
        <source>Your password is changed. %n other device(s) were signed out.</source>
        <translation>
            <numerusform>Ihr Passwort ist geändert. %n anderes Gerät wurde abgemeldet.</numerusform>
            <numerusform>Ihr Passwort ist geändert. %n andere Geräte wurden abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device is signed out.</source>
        <translation>Das Gerät ist abgemeldet.</translation>
    </message>
    <message>
        <source>Sign out everywhere?</source>
        <translation>Überall abmelden?</translation>
    </message>
    <message>
        <source>Every device signed in to your account will be signed out, this one too. You will need your password to sign in again.</source>
        <translation>Jedes an Ihrem Konto angemeldete Gerät wird abgemeldet, auch dieses. Zum erneuten Anmelden brauchen Sie Ihr Passwort.</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>%1 — Hubbub %2 on %3</source>
        <translation>%1 — Hubbub %2 auf %3</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>%1 — Hubbub command line %2 on %3</source>
        <translation>%1 — Hubbub-Kommandozeile %2 auf %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AdminDialog</name>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Dabei seit</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Passwort &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>&amp;New invite</source>
        <translation>&amp;Neue Einladung</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Load &amp;older</source>
        <translation>&amp;Ältere laden</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <source>An invite code lets one person create an account while the server takes new accounts by invitation only. It works once, until it expires.</source>
        <translation>Mit einem Einladungscode kann eine Person ein Konto anlegen, wenn der Server neue Konten nur auf Einladung annimmt. Er gilt einmal, bis er abläuft.</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message numerus="yes">
        <source>Valid for %n day(s)</source>
        <translation>
            <numerusform>Gültig für %n Tag</numerusform>
            <numerusform>Gültig für %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Invites</source>
        <translation>&amp;Einladungen</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>Prüf&amp;protokoll</translation>
    </message>
    <message>
        <source>Make an admin?</source>
        <translation>Zum Admin machen?</translation>
    </message>
    <message>
        <source>%1 will be able to edit and delete anything, and to run this window.</source>
        <translation>%1 kann dann alles bearbeiten und löschen und dieses Fenster benutzen.</translation>
    </message>
    <message>
        <source>Disable this account?</source>
        <translation>Dieses Konto deaktivieren?</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere at once and cannot sign in until an admin enables the account again. Their posts and messages stay.</source>
        <translation>%1 wird sofort überall abgemeldet und kann sich erst wieder anmelden, wenn die Administration das Konto wieder aktiviert. Beiträge und Nachrichten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Reset the password?</source>
        <translation>Passwort zurücksetzen?</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere and signs in once with a code you give them, then chooses a new password. Their old password stops working.</source>
        <translation>%1 wird überall abgemeldet, meldet sich einmal mit einem Code an, den Sie weitergeben, und wählt dann ein neues Passwort. Das alte Passwort gilt nicht mehr.</translation>
    </message>
    <message>
        <source>Make &amp;member</source>
        <translation>Zum &amp;Mitglied machen</translation>
    </message>
    <message>
        <source>Make &amp;admin</source>
        <translation>Zum &amp;Admin machen</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Passwort zurückgesetzt</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>%1 is now an admin.</source>
        <translation>%1 ist jetzt Admin.</translation>
    </message>
    <message>
        <source>%1 is now a member.</source>
        <translation>%1 ist jetzt Mitglied.</translation>
    </message>
    <message>
        <source>%1 is disabled and signed out everywhere.</source>
        <translation>%1 ist deaktiviert und überall abgemeldet.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Give this code to %1 in person or another safe way. They sign in with it instead of a password, once, until %2, and then choose a new password.</source>
        <translation>Geben Sie diesen Code %1 persönlich oder auf einem anderen sicheren Weg. Damit meldet sich die Person statt mit einem Passwort an, einmal, bis %2, und wählt dann ein neues Passwort.</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>Verwendet von %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>New invite</source>
        <translation>Neue Einladung</translation>
    </message>
    <message>
        <source>Give this code to the person you invite. They type it under &quot;Create account&quot; when signing in, once, until %1. It is not shown again.</source>
        <translation>Geben Sie diesen Code der eingeladenen Person. Sie gibt ihn beim Anmelden unter „Konto anlegen“ ein, einmal, bis %1. Er wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>The invite is withdrawn; its code no longer works.</source>
        <translation>Die Einladung ist zurückgezogen; ihr Code gilt nicht mehr.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>The server&apos;s operator</source>
        <translation>Der Betreiber des Servers</translation>
    </message>
    <message>
        <source>%1 made %2 an admin</source>
        <translation>%1 hat %2 zum Admin gemacht</translation>
    </message>
    <message>
        <source>%1 made %2 a member</source>
        <translation>%1 hat %2 zum Mitglied gemacht</translation>
    </message>
    <message>
        <source>%1 disabled the account of %2</source>
        <translation>%1 hat das Konto von %2 deaktiviert</translation>
    </message>
    <message>
        <source>%1 enabled the account of %2</source>
        <translation>%1 hat das Konto von %2 aktiviert</translation>
    </message>
    <message>
        <source>%1 reset the password of %2</source>
        <translation>%1 hat das Passwort von %2 zurückgesetzt</translation>
    </message>
    <message>
        <source>%1 created an invite valid until %2</source>
        <translation>%1 hat eine Einladung erstellt, gültig bis %2</translation>
    </message>
    <message>
        <source>%1 withdrew an invite</source>
        <translation>%1 hat eine Einladung zurückgezogen</translation>
    </message>
    <message>
        <source>%1 edited a post by %2</source>
        <translation>%1 hat einen Beitrag von %2 bearbeitet</translation>
    </message>
    <message>
        <source>%1 deleted a post by %2</source>
        <translation>%1 hat einen Beitrag von %2 gelöscht</translation>
    </message>
    <message>
        <source>%1 edited a message by %2</source>
        <translation>%1 hat eine Nachricht von %2 bearbeitet</translation>
    </message>
    <message>
        <source>%1 deleted a message by %2</source>
        <translation>%1 hat eine Nachricht von %2 gelöscht</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Zum Admin machen</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AppController</name>
    <message>
        <source>No keychain service runs on this computer, so Hubbub keeps your sign-in in a file only you can read:
%1</source>
        <translation>Auf diesem Computer läuft kein Schlüsselbund-Dienst. Deshalb bewahrt Hubbub Ihre Anmeldung in einer Datei auf, die nur Sie lesen können:
%1</translation>
    </message>
    <message>
        <source>Where your sign-in is kept</source>
        <translation>Wo Ihre Anmeldung aufbewahrt wird</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AttachmentBar</name>
    <message>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>Attach files (up to 100 MiB each)</source>
        <translation>Dateien anhängen (je höchstens 100 MiB)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Waiting for the connection…</source>
        <translation>Warte auf die Verbindung…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Diese Datei entfernen</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AttachmentLines</name>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::CertificateDialog</name>
    <message>
        <source>Certificate changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you trusted before. Someone may be listening in on your connection, or the server has been given a new certificate. Ask the server&apos;s admin before you go on.</source>
        <translation>Das Zertifikat von %1 ist nicht das, dem Sie zuvor vertraut haben. Vielleicht hört jemand Ihre Verbindung ab, oder der Server hat ein neues Zertifikat bekommen. Fragen Sie die Administration des Servers, bevor Sie weitermachen.</translation>
    </message>
    <message>
        <source>Trusted before (SHA-256):</source>
        <translation>Bisher vertraut (SHA-256):</translation>
    </message>
    <message>
        <source>Offered now (SHA-256):</source>
        <translation>Jetzt vorgelegt (SHA-256):</translation>
    </message>
    <message>
        <source>%1 has a certificate that no authority known to this computer has signed. A Hubbub server on your own network usually makes its own, so this is expected the first time.</source>
        <translation>%1 hat ein Zertifikat, das keine diesem Computer bekannte Stelle signiert hat. Ein Hubbub-Server im eigenen Netz erstellt meist sein eigenes; beim ersten Mal ist das also zu erwarten.</translation>
    </message>
    <message>
        <source>Check that its fingerprint is the one the server shows (its admin can read it out to you):</source>
        <translation>Prüfen Sie, ob sein Fingerabdruck der ist, den der Server anzeigt (die Administration kann ihn Ihnen vorlesen):</translation>
    </message>
    <message>
        <source>Once trusted, Hubbub connects without asking, and warns you if the certificate ever changes.</source>
        <translation>Einmal vertraut, verbindet sich Hubbub ohne Rückfrage und warnt Sie, falls sich das Zertifikat je ändert.</translation>
    </message>
    <message>
        <source>It is also the fingerprint this server announces on your network. Anyone on the network could announce one, so compare it all the same.</source>
        <translation>Es ist auch der Fingerabdruck, den dieser Server in Ihrem Netz ankündigt. Ankündigen kann jeder im Netz; vergleichen Sie ihn trotzdem.</translation>
    </message>
    <message>
        <source>Careful: the server found on your network announced another fingerprint.</source>
        <translation>Vorsicht: Der in Ihrem Netz gefundene Server hat einen anderen Fingerabdruck angekündigt.</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>I have checked the new fingerprint with the server&apos;s admin</source>
        <translation>Ich habe den neuen Fingerabdruck mit der Administration des Servers geprüft</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatModel</name>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 joined</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 ist beigetreten</numerusform>
            <numerusform>%1 sind beigetreten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 ist gegangen</numerusform>
            <numerusform>%1 sind gegangen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Schreibt gerade</translation>
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
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source># %1</source>
        <translation># %1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Messages in #%1</source>
        <translation>Nachrichten in #%1</translation>
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
        <translation>Mehrere Leute schreiben …</translation>
    </message>
    <message>
        <source>%1 over the limit</source>
        <translation>%1 zu viel</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>A message has at most %1 characters.</source>
        <translation>Eine Nachricht hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Aktionen für die Nachricht</translation>
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
        <translation>Nicht senden</translation>
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
        <source>No messages yet. Write the first one below.</source>
        <translation>Noch keine Nachrichten. Schreib unten die erste.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>Connecting… The messages have not loaded yet.</source>
        <translation>Verbinde … Die Nachrichten sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>Offline: the messages have not loaded yet. They will show as soon as the server answers.</source>
        <translation>Offline: Die Nachrichten sind noch nicht geladen. Sie erscheinen, sobald der Server antwortet.</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>Diese Nachricht löschen?</translation>
    </message>
    <message>
        <source>“%1” will be deleted for everyone.</source>
        <translation>„%1“ wird für alle gelöscht.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>Reaktion hinzufügen…</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Composer</name>
    <message>
        <source>%1 is too large (%2); images may be at most %3.</source>
        <translation>%1 ist zu groß (%2); Bilder dürfen höchstens %3 groß sein.</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>%1 ist kein PNG-, JPEG-, GIF- oder WebP-Bild.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large; images may be at most %2.</source>
        <translation>%1 ist zu groß; Bilder dürfen höchstens %2 groß sein.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.webp)</translation>
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
        <translation>Titel des Beitrags</translation>
    </message>
    <message>
        <source>What&apos;s new? (Ctrl+Enter posts)</source>
        <translation>Was gibt es Neues? (Strg+Enter veröffentlicht)</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Text des Beitrags</translation>
    </message>
    <message>
        <source>Attach image</source>
        <translation>Bild anhängen</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter)</source>
        <translation>Veröffentlichen (Strg+Enter)</translation>
    </message>
    <message>
        <source>Replace image…</source>
        <translation>Bild ersetzen …</translation>
    </message>
    <message>
        <source>Title %1/%2</source>
        <translation>Titel %1/%2</translation>
    </message>
    <message>
        <source>Text %1/%2</source>
        <translation>Text %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>Der Text ist %n Zeichen zu lang.</numerusform>
            <numerusform>Der Text ist %n Zeichen zu lang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the post a title first.</source>
        <translation>Gib dem Beitrag zuerst einen Titel.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Connection</name>
    <message>
        <source>The server at %1 speaks a different protocol version.</source>
        <translation>Der Server %1 spricht eine andere Protokollversion.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Can&apos;t reach server at %1.</source>
        <translation>Server %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s. Check the address, and that a Hubbub server runs there.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet. Prüfe die Adresse und ob dort ein Hubbub-Server läuft.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>Das Zertifikat von %1 hat sich geändert.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted yet.</source>
        <translation>Dem Zertifikat von %1 wird noch nicht vertraut.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 is not the one you trusted.</source>
        <translation>Nicht verbunden: Das Zertifikat von %1 ist nicht das, dem Sie vertraut haben.</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>Nicht verbunden: Sie haben dem Zertifikat von %1 nicht vertraut.</translation>
    </message>
    <message>
        <source>%1 presented no certificate.</source>
        <translation>%1 hat kein Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>An admin has disabled your account. Ask an admin to enable it again.</source>
        <translation>Die Administration hat Ihr Konto deaktiviert. Bitten Sie sie, es wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>This device was signed out, from another device or because the password changed. Sign in again.</source>
        <translation>Dieses Gerät wurde abgemeldet, von einem anderen Gerät aus oder weil sich das Passwort geändert hat. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>An admin has reset your password. Sign in with the one-time code they give you.</source>
        <translation>Die Administration hat Ihr Passwort zurückgesetzt. Melden Sie sich mit dem Einmalcode an, den Sie von ihr bekommen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ConnectionStatus</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Noch nicht gesendete Änderungen</translation>
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
    <message>
        <source>This server&apos;s addresses, tried in turn: %1</source>
        <translation>Adressen dieses Servers, der Reihe nach versucht: %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Downloads</name>
    <message>
        <source>“%1” cannot be written.</source>
        <translation>„%1“ kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::DownloadsBar</name>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>%1 was not downloaded: %2</source>
        <translation>%1 wurde nicht heruntergeladen: %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::EditHistoryDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>Versions, oldest first</source>
        <translation>Versionen, älteste zuerst</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s), oldest first</source>
        <translation>
            <numerusform>%n Version, älteste zuerst</numerusform>
            <numerusform>%n Versionen, älteste zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ErrorText</name>
    <message>
        <source>The server did not understand this request. A newer version of Hubbub may help.</source>
        <translation>Der Server hat diese Anfrage nicht verstanden. Eine neuere Version von Hubbub hilft vielleicht.</translation>
    </message>
    <message>
        <source>Choose from %1 to %2 stars.</source>
        <translation>Wähle %1 bis %2 Sterne.</translation>
    </message>
    <message>
        <source>The server refused a value in this request as not valid.</source>
        <translation>Der Server hat einen Wert in dieser Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>A post needs a title.</source>
        <translation>Ein Beitrag braucht einen Titel.</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Eine Nachricht darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>Ein Benutzername hat %1 bis %2 Buchstaben, Ziffern, „_“, „.“ oder „-“.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Wähle ein Passwort mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A channel name has %1 to %2 characters and no line breaks.</source>
        <translation>Ein Kanalname hat %1 bis %2 Zeichen und keine Zeilenumbrüche.</translation>
    </message>
    <message>
        <source>The attached image is not valid. Attach it again.</source>
        <translation>Das angehängte Bild ist ungültig. Hänge es erneut an.</translation>
    </message>
    <message>
        <source>This image cannot be read. Use a PNG, JPEG, GIF or WebP file.</source>
        <translation>Dieses Bild kann nicht gelesen werden. Verwende eine PNG-, JPEG-, GIF- oder WebP-Datei.</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation>Du bist nicht angemeldet. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Only its author or an admin may change this.</source>
        <translation>Nur der Autor oder ein Admin darf das ändern.</translation>
    </message>
    <message>
        <source>This server does not accept new accounts. Ask its admin for one.</source>
        <translation>Dieser Server nimmt keine neuen Konten an. Frag den Admin nach einem.</translation>
    </message>
    <message>
        <source>This no longer exists on the server.</source>
        <translation>Das gibt es auf dem Server nicht mehr.</translation>
    </message>
    <message>
        <source>This post no longer exists.</source>
        <translation>Diesen Beitrag gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>Diese Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This channel no longer exists.</source>
        <translation>Diesen Kanal gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The image is no longer on the server. Attach it again.</source>
        <translation>Das Bild ist nicht mehr auf dem Server. Hänge es erneut an.</translation>
    </message>
    <message>
        <source>This name is already taken.</source>
        <translation>Dieser Name ist schon vergeben.</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>Dieser Benutzername ist schon vergeben.</translation>
    </message>
    <message>
        <source>A channel with this name already exists.</source>
        <translation>Es gibt schon einen Kanal mit diesem Namen.</translation>
    </message>
    <message>
        <source>This is too large for the server.</source>
        <translation>Das ist zu groß für den Server.</translation>
    </message>
    <message>
        <source>A title has at most %1 characters.</source>
        <translation>Ein Titel hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A post has at most %1 characters.</source>
        <translation>Ein Beitrag hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A message has at most %1 characters.</source>
        <translation>Eine Nachricht hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A review comment has at most %1 characters.</source>
        <translation>Ein Bewertungskommentar hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>Ein Passwort hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>A topic has at most %1 characters.</source>
        <translation>Ein Thema hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>This image is too large: at most %1 MiB and %2 × %2 pixels.</source>
        <translation>Dieses Bild ist zu groß: höchstens %1 MiB und %2 × %2 Pixel.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Anfragen. Versuch es in %n Sekunde noch einmal.</numerusform>
            <numerusform>Zu viele Anfragen. Versuch es in %n Sekunden noch einmal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts to sign in. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Anmeldeversuche. Versuch es in %n Sekunde noch einmal.</numerusform>
            <numerusform>Zu viele Anmeldeversuche. Versuch es in %n Sekunden noch einmal.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hubbub was away too long to catch up and loads everything again.</source>
        <translation>Hubbub war zu lange getrennt, um aufzuholen, und lädt alles neu.</translation>
    </message>
    <message>
        <source>This server speaks a different protocol version. Update Hubbub or the server.</source>
        <translation>Dieser Server spricht eine andere Protokollversion. Aktualisiere Hubbub oder den Server.</translation>
    </message>
    <message>
        <source>The server ran into a problem and did not do this. Try again later.</source>
        <translation>Auf dem Server ist ein Problem aufgetreten, daher wurde nichts geändert. Versuch es später noch einmal.</translation>
    </message>
    <message>
        <source>The server refused this (%1).</source>
        <translation>Der Server hat das abgelehnt (%1).</translation>
    </message>
    <message>
        <source>Too many requests. Try again in a moment.</source>
        <translation>Zu viele Anfragen. Versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Type a word or a phrase to search for.</source>
        <translation>Geben Sie ein Wort oder eine Wortgruppe zum Suchen ein.</translation>
    </message>
    <message>
        <source>A search has at most %1 characters and %2 words.</source>
        <translation>Eine Suche hat höchstens %1 Zeichen und %2 Wörter.</translation>
    </message>
    <message>
        <source>Your session has expired or was signed out. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen oder wurde abgemeldet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Das aktuelle Passwort stimmt nicht.</translation>
    </message>
    <message>
        <source>This one-time code has expired. Ask an admin for a new one.</source>
        <translation>Dieser Einmalcode ist abgelaufen. Bitten Sie die Administration um einen neuen.</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation. Type a valid invite code from an admin: each code works once, until it expires.</source>
        <translation>Dieser Server nimmt neue Konten nur auf Einladung an. Geben Sie einen gültigen Einladungscode von der Administration ein: Jeder Code gilt einmal, bis er abläuft.</translation>
    </message>
    <message>
        <source>This account has been disabled. Ask an admin.</source>
        <translation>Dieses Konto wurde deaktiviert. Wenden Sie sich an die Administration.</translation>
    </message>
    <message>
        <source>You cannot do this to your own account. Ask another admin.</source>
        <translation>Das können Sie nicht mit Ihrem eigenen Konto tun. Bitten Sie eine andere Person aus der Administration.</translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Das kann nur die Administration.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>Dieses Konto gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::EventRouter</name>
    <message>
        <source>New post by %1</source>
        <translation>Neuer Beitrag von %1</translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 in #%2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::FeedModel</name>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::FeedView</name>
    <message>
        <source>Feed</source>
        <translation>Beiträge</translation>
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
        <translation>„%1“ und die Bewertungen dazu werden für alle gelöscht.</translation>
    </message>
    <message>
        <source>“%1” has not been sent yet; it will not be.</source>
        <translation>„%1“ wurde noch nicht gesendet und wird es auch nicht mehr.</translation>
    </message>
    <message>
        <source>Nothing to do while this post is being deleted</source>
        <translation>Nichts zu tun, während dieser Beitrag gelöscht wird</translation>
    </message>
    <message>
        <source>No posts yet. Write the first one above.</source>
        <translation>Noch keine Beiträge. Schreib oben den ersten.</translation>
    </message>
    <message>
        <source>Loading posts…</source>
        <translation>Beiträge werden geladen …</translation>
    </message>
    <message>
        <source>Connecting… The posts have not loaded yet.</source>
        <translation>Verbinde … Die Beiträge sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>Offline: the posts have not loaded yet. They will show as soon as the server answers.</source>
        <translation>Offline: Die Beiträge sind noch nicht geladen. Sie erscheinen, sobald der Server antwortet.</translation>
    </message>
    <message>
        <source>Posts, newest first. Enter reviews the current post, Space shows all of a long one; the menu key shows everything a post offers.</source>
        <translation>Beiträge, neueste zuerst. Eingabe bewertet den aktuellen Beitrag, Leertaste zeigt einen langen ganz; die Menütaste zeigt alles, was ein Beitrag bietet.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>Reaktion hinzufügen…</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageCache</name>
    <message>
        <source>The image could not be shown.</source>
        <translation>Das Bild kann nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Image of %1</source>
        <translation>Bild zu %1</translation>
    </message>
    <message>
        <source>The image could not be loaded: %1</source>
        <translation>Das Bild konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Bild wird geladen …</translation>
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
        <translation>Benutzernamen ä&amp;ndern …</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>&amp;Desktop-Benachrichtigungen</translation>
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
        <source>Change username</source>
        <translation>Benutzernamen ändern</translation>
    </message>
    <message>
        <source>New username (%1–%2 letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;):</source>
        <translation>Neuer Benutzername (%1–%2 Buchstaben, Ziffern, „_“, „.“, „-“):</translation>
    </message>
    <message>
        <source>You are now %1.</source>
        <translation>Du heißt jetzt %1.</translation>
    </message>
    <message>
        <source>About Hubbub</source>
        <translation>Über Hubbub</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hubbub %1&lt;/b&gt;&lt;p&gt;A self-hosted feed and chat for your local network.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hubbub %1&lt;/b&gt;&lt;p&gt;Beiträge und Chat für dein lokales Netzwerk, selbst gehostet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>S&amp;witch server or account…</source>
        <translation>&amp;Server oder Konto wechseln …</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>Edit &amp;profile…</source>
        <translation>&amp;Profil bearbeiten …</translation>
    </message>
    <message>
        <source>Your profile is saved.</source>
        <translation>Ihr Profil ist gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Account and devices…</source>
        <translation>&amp;Konto und Geräte …</translation>
    </message>
    <message>
        <source>Ad&amp;ministration…</source>
        <translation>Ver&amp;waltung …</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MentionCompleter</name>
    <message>
        <source>Mention someone</source>
        <translation>Jemanden erwähnen</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MessageDelegate</name>
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
        <translation>Nicht gespeichert: %1</translation>
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
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Go to the original message</source>
        <translation>Zur ursprünglichen Nachricht</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::NewChannelDialog</name>
    <message>
        <source>New channel</source>
        <translation>Neuer Kanal</translation>
    </message>
    <message>
        <source>e.g. general</source>
        <translation>z. B. allgemein</translation>
    </message>
    <message>
        <source>What is it about? (optional)</source>
        <translation>Worum geht es? (optional)</translation>
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
</context>
<context>
    <name>Hubbub::Client::Notifier</name>
    <message>
        <source>Hubbub</source>
        <translation>Hubbub</translation>
    </message>
    <message numerus="yes">
        <source>Hubbub — %n unread</source>
        <translation>
            <numerusform>Hubbub — %n ungelesen</numerusform>
            <numerusform>Hubbub — %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::OfflineBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt verbinden</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message numerus="yes">
        <source>Offline. Retrying in %n s</source>
        <translation>
            <numerusform>Offline. Neuer Versuch in %n s</numerusform>
            <numerusform>Offline. Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline. Connecting…</source>
        <translation>Offline. Verbinde …</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Choose your new password to go on.</source>
        <translation>Wählen Sie Ihr neues Passwort, um weiterzumachen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Outbox</name>
    <message>
        <source>The saved outbox %1 is damaged: %2</source>
        <translation>Der gespeicherte Postausgang %1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>Your edit to “%1” was not saved: the post was deleted.</source>
        <translation>Deine Änderung an „%1“ wurde nicht gespeichert: Der Beitrag wurde gelöscht.</translation>
    </message>
    <message>
        <source>Your review of “%1” was not saved: the post was deleted.</source>
        <translation>Deine Bewertung von „%1“ wurde nicht gespeichert: Der Beitrag wurde gelöscht.</translation>
    </message>
    <message>
        <source>Your edit to “%1” was not saved: the message was deleted.</source>
        <translation>Deine Änderung an „%1“ wurde nicht gespeichert: Die Nachricht wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PasswordDialog</name>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Neues Passwort bestätigen</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Your other devices will be signed out. This one stays signed in.</source>
        <translation>Ihre anderen Geräte werden abgemeldet. Dieses bleibt angemeldet.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>Passwort &amp;ändern</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Wählen Sie ein neues Passwort</translation>
    </message>
    <message>
        <source>You signed in with a one-time code from an admin. Choose your own password to go on; the code no longer works.</source>
        <translation>Sie haben sich mit einem Einmalcode der Administration angemeldet. Wählen Sie ein eigenes Passwort, um weiterzumachen; der Code gilt nicht mehr.</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>Passwort &amp;speichern</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>Type the new password again</source>
        <translation>Neues Passwort noch einmal eingeben</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Wählen Sie ein Passwort mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password in both fields.</source>
        <translation>Die beiden neuen Passwörter unterscheiden sich. Geben Sie in beide Felder dasselbe ein.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>Das neue Passwort ist dasselbe wie das aktuelle.</translation>
    </message>
    <message>
        <source>The server did not answer, so the new password may not have been saved. Try again when Hubbub is back online.</source>
        <translation>Der Server hat nicht geantwortet; das neue Passwort wurde vielleicht nicht gespeichert. Versuchen Sie es erneut, wenn Hubbub wieder online ist.</translation>
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
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <source>★ %1 (%2)</source>
        <translation>★ %1 (%2)</translation>
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
        <translation>Bild wird geladen …</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>Bild nicht verfügbar</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Bearbeitet am %1</translation>
    </message>
    <message>
        <source>Edited; not saved yet</source>
        <translation>Bearbeitet; noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Click to open the image</source>
        <translation>Klicken, um das Bild zu öffnen</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mehr anzeigen</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Weniger anzeigen</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostEditDialog</name>
    <message>
        <source>Keep the image</source>
        <translation>Bild behalten</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>Replace the image:</source>
        <translation>Bild ersetzen:</translation>
    </message>
    <message>
        <source>Add an image:</source>
        <translation>Bild hinzufügen:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
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
        <translation>Bilddatei auswählen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Bild auswählen</translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>Der Text ist %n Zeichen zu lang.</numerusform>
            <numerusform>Der Text ist %n Zeichen zu lang.</numerusform>
        </translation>
    </message>
    <message>
        <source>A post needs a title.</source>
        <translation>Ein Beitrag braucht einen Titel.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ProfileCard</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation>Profil bearbeiten …</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ProfileDialog</name>
    <message>
        <source>Choose picture…</source>
        <translation>Bild auswählen …</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Anzeigename:</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReactionPicker</name>
    <message>
        <source>Add reaction</source>
        <translation>Reaktion hinzufügen</translation>
    </message>
    <message>
        <source>Any emoji, then Enter</source>
        <translation>Beliebiges Emoji, dann Eingabe</translation>
    </message>
    <message>
        <source>Other reaction</source>
        <translation>Andere Reaktion</translation>
    </message>
    <message>
        <source>A reaction is an emoji or a symbol, not a word.</source>
        <translation>Eine Reaktion ist ein Emoji oder ein Symbol, kein Wort.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Reactions</name>
    <message numerus="yes">
        <source>%n other(s)</source>
        <comment>who reacted</comment>
        <translation>
            <numerusform>%n weitere Person</numerusform>
            <numerusform>%n weitere Personen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReadState</name>
    <message>
        <source>The notification setting was not saved: %1</source>
        <translation>Die Benachrichtigungseinstellung wurde nicht gespeichert: %1</translation>
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
    <name>Hubbub::Client::ReplyBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>Antwort abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReplyDecorations</name>
    <message>
        <source>Message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 hat mit %2 reagiert</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReviewDialog</name>
    <message>
        <source>Review “%1”</source>
        <translation>„%1“ bewerten</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Click a star, or use the arrow keys or 1–5</source>
        <translation>Klicke auf einen Stern oder nutze die Pfeiltasten oder 1–5</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
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
        <translation>Bisherige Bewertungen:</translation>
    </message>
    <message numerus="yes">
        <source>%n of 5 stars</source>
        <translation>
            <numerusform>%n von 5 Sternen</numerusform>
            <numerusform>%n von 5 Sternen</numerusform>
        </translation>
    </message>
    <message>
        <source>No rating chosen</source>
        <translation>Keine Bewertung gewählt</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Loading reviews…</source>
        <translation>Bewertungen werden geladen …</translation>
    </message>
    <message>
        <source>The reviews could not be loaded: %1</source>
        <translation>Die Bewertungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 gave %n star(s): %2</source>
        <translation>
            <numerusform>%1 hat %n Stern vergeben: %2</numerusform>
            <numerusform>%1 hat %n Sterne vergeben: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Noch keine Bewertungen.</translation>
    </message>
    <message>
        <source>You have reviewed this post (%1). Sending changes your review; it still counts once.</source>
        <translation>Sie haben diesen Beitrag schon bewertet (%1). Senden ändert Ihre Bewertung; sie zählt weiterhin einmal.</translation>
    </message>
    <message>
        <source>Update review</source>
        <translation>Bewertung ändern</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SearchDelegate</name>
    <message>
        <source>Post: %1</source>
        <translation>Beitrag: %1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SearchPanel</name>
    <message>
        <source>Search messages and posts (Ctrl+K)</source>
        <translation>Nachrichten und Beiträge durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>Type to search messages and posts.</source>
        <translation>Tippen Sie, um Nachrichten und Beiträge zu durchsuchen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nichts gefunden für „%1“.</translation>
    </message>
    <message>
        <source>Newest first; more load as you scroll.</source>
        <translation>Neueste zuerst; beim Scrollen wird mehr geladen.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), newest first.</source>
        <translation>
            <numerusform>%n Treffer, neueste zuerst.</numerusform>
            <numerusform>%n Treffer, neueste zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Session</name>
    <message>
        <source>The reaction was not saved: %1</source>
        <translation>Die Reaktion wurde nicht gespeichert: %1</translation>
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
        <translation>Beiträge von allen (Strg+1)</translation>
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
    <message>
        <source>ONLINE</source>
        <translation>ONLINE</translation>
    </message>
    <message>
        <source>Not known yet.</source>
        <translation>Noch unbekannt.</translation>
    </message>
    <message>
        <source>Not known while offline.</source>
        <translation>Unbekannt, solange offline.</translation>
    </message>
    <message>
        <source>No channels yet.</source>
        <translation>Noch keine Kanäle.</translation>
    </message>
    <message>
        <source>Loading channels…</source>
        <translation>Kanäle werden geladen …</translation>
    </message>
    <message>
        <source>Connecting… The channels have not loaded yet.</source>
        <translation>Verbinde … Die Kanäle sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>Offline: the channels have not loaded yet.</source>
        <translation>Offline: Die Kanäle sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
    </message>
    <message>
        <source>DIRECT MESSAGES</source>
        <translation>DIREKTNACHRICHTEN</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Double-click someone online to message them.</source>
        <translation>Doppelklicken Sie auf jemanden, der online ist, um eine Nachricht zu schreiben.</translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation>Benachrichtigen bei</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Allen Nachrichten</translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation>Nur Erwähnungen</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
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
        <translation>&lt;b&gt;Willkommen bei Hubbub&lt;/b&gt;&lt;br&gt;Melde dich bei einem Hubbub-Server in deinem Netzwerk an.</translation>
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
        <translation>Anmeldefehler</translation>
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
        <translation>Mit diesem Benutzernamen und Passwort ein neues Konto auf diesem Server erstellen</translation>
    </message>
    <message>
        <source>A username has %1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>Ein Benutzername hat %1 bis %2 Buchstaben, Ziffern, „_“, „.“ oder „-“.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Wähle ein Passwort mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1 …</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Passwort bestätigen</translation>
    </message>
    <message>
        <source>Type the password again</source>
        <translation>Passwort noch einmal eingeben</translation>
    </message>
    <message>
        <source>Con&amp;firm password:</source>
        <translation>Passwort bes&amp;tätigen:</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>Die beiden Passwörter sind verschieden. Gib in beide Felder dasselbe Passwort ein.</translation>
    </message>
    <message>
        <source>On your network:</source>
        <translation>In Ihrem Netz:</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Server in Ihrem Netz</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Use something like 192.168.1.10 or wss://192.168.1.10:7300.</source>
        <translation>„%1“ ist keine Serveradresse. Verwenden Sie etwa 192.168.1.10 oder wss://192.168.1.10:7300.</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Nur wenn der Server einen verlangt</translation>
    </message>
    <message>
        <source>&amp;Invite code:</source>
        <translation>&amp;Einladungscode:</translation>
    </message>
    <message>
        <source>The server&apos;s address. A server with several addresses: all of them, separated by commas; when one cannot be reached, the next is used.</source>
        <translation>Die Adresse des Servers. Ein Server mit mehreren Adressen: alle, durch Kommas getrennt; ist eine nicht erreichbar, wird die nächste benutzt.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Uploads</name>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>„%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>“%1” is larger than 100 MiB.</source>
        <translation>„%1“ ist größer als 100 MiB.</translation>
    </message>
    <message>
        <source>“%1” changed while it was being sent.</source>
        <translation>„%1“ hat sich während des Sendens geändert.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Codec</name>
    <message>
        <source>The field &apos;%1&apos; must be %2.</source>
        <translation>Das Feld „%1“ muss %2 sein.</translation>
    </message>
    <message>
        <source>The frame is not valid JSON: %1.</source>
        <translation>Der Frame ist kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>A frame must hold one JSON object.</source>
        <translation>Ein Frame muss genau ein JSON-Objekt enthalten.</translation>
    </message>
    <message>
        <source>The frame has no &apos;type&apos; string.</source>
        <translation>Der Frame hat keinen „type“-String.</translation>
    </message>
    <message>
        <source>Unknown request type &apos;%1&apos;.</source>
        <translation>Unbekannter Anfragetyp „%1“.</translation>
    </message>
    <message>
        <source>The request has no &apos;id&apos;.</source>
        <translation>Die Anfrage hat keine „id“.</translation>
    </message>
    <message>
        <source>The &apos;id&apos; must be an integer from 0 to 2^53-1.</source>
        <translation>Die „id“ muss eine ganze Zahl von 0 bis 2^53-1 sein.</translation>
    </message>
    <message>
        <source>The frame is not valid JSON: a string holds a raw control character or an unknown escape.</source>
        <translation>Der Frame ist kein gültiges JSON: Ein String enthält ein rohes Steuerzeichen oder eine unbekannte Escape-Sequenz.</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; is missing.</source>
        <translation>Das Feld „%1“ fehlt.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>an integer id</source>
        <translation>eine ganzzahlige ID</translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; is out of range.</source>
        <translation>Die ID „%1“ liegt außerhalb des gültigen Bereichs.</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number.</source>
        <translation>Das Feld „%1“ muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation>Das Feld „%1“ muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server</name>
    <message>
        <source>Only the author or an admin can change this %1.</source>
        <translation>Nur der Autor oder ein Admin kann %1 ändern.</translation>
    </message>
    <message>
        <source>This channel does not exist.</source>
        <translation>Diesen Kanal gibt es nicht.</translation>
    </message>
    <message>
        <source>The server could not store or read this: a database error occurred.</source>
        <translation>Der Server konnte das nicht speichern oder lesen: Ein Datenbankfehler ist aufgetreten.</translation>
    </message>
    <message>
        <source>%1 is not a usable PostgreSQL URL: %2</source>
        <translation>%1 ist keine brauchbare PostgreSQL-URL: %2</translation>
    </message>
    <message>
        <source>it must begin with postgresql://</source>
        <translation>sie muss mit postgresql:// beginnen</translation>
    </message>
    <message>
        <source>it holds a password; put it in a password file (PGPASSFILE, ~/.pgpass) or PGPASSWORD instead, where the process list does not show it</source>
        <translation>sie enthält ein Passwort; legen Sie es stattdessen in eine Passwortdatei (PGPASSFILE, ~/.pgpass) oder in PGPASSWORD, wo die Prozessliste es nicht zeigt</translation>
    </message>
    <message>
        <source>the path names no database</source>
        <translation>der Pfad nennt keine Datenbank</translation>
    </message>
    <message>
        <source>unknown keyword %1</source>
        <translation>unbekanntes Schlüsselwort %1</translation>
    </message>
    <message>
        <source>%1 holds a &apos;;&apos;</source>
        <translation>%1 enthält ein &apos;;&apos;</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; on Debian and Ubuntu it is the package libqt6sql6-psql</source>
        <translation>Qts PostgreSQL-Treiber (QPSQL) ist nicht installiert; unter Debian und Ubuntu ist es das Paket libqt6sql6-psql</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AccountHandler</name>
    <message>
        <source>This account no longer exists.</source>
        <translation>Dieses Konto gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Das aktuelle Passwort stimmt nicht.</translation>
    </message>
    <message>
        <source>Too many wrong passwords; wait before trying again.</source>
        <translation>Zu viele falsche Passwörter; warten Sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>Der Server ist mit Anmeldungen beschäftigt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>Das Passwort konnte nicht gehasht werden.</translation>
    </message>
    <message>
        <source>You have no signed-in device with that id; it may have signed out already.</source>
        <translation>Sie haben kein angemeldetes Gerät mit dieser Kennung; vielleicht ist es schon abgemeldet.</translation>
    </message>
    <message>
        <source>This sign-in was ended; log in again.</source>
        <translation>Diese Anmeldung wurde beendet; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This one-time code has expired; ask an admin for a new one.</source>
        <translation>Dieser Einmalcode ist abgelaufen; bitten Sie die Administration um einen neuen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AccountStore</name>
    <message>
        <source>There is no such user.</source>
        <translation>Diesen Benutzer gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AdminHandler</name>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Das kann nur die Administration.</translation>
    </message>
    <message>
        <source>The role must be &quot;admin&quot; or &quot;member&quot;.</source>
        <translation>Die Rolle muss „admin“ oder „member“ sein.</translation>
    </message>
    <message>
        <source>You cannot take away your own admin rights; ask another admin to do it.</source>
        <translation>Sie können sich die eigenen Admin-Rechte nicht nehmen; bitten Sie eine andere Person aus der Administration darum.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>Sie können Ihr eigenes Konto nicht deaktivieren.</translation>
    </message>
    <message>
        <source>Change your own password in your account settings instead.</source>
        <translation>Ändern Sie Ihr eigenes Passwort stattdessen in Ihren Kontoeinstellungen.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>Der Server ist mit Anmeldungen beschäftigt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The code could not be hashed.</source>
        <translation>Der Code konnte nicht gehasht werden.</translation>
    </message>
    <message>
        <source>There is no such user.</source>
        <translation>Diesen Benutzer gibt es nicht.</translation>
    </message>
    <message>
        <source>There are %1 invites already; withdraw some first.</source>
        <translation>Es gibt schon %1 Einladungen; ziehen Sie zuerst welche zurück.</translation>
    </message>
    <message>
        <source>There is no unused invite with that id.</source>
        <translation>Es gibt keine unbenutzte Einladung mit dieser Kennung.</translation>
    </message>
    <message>
        <source>This sign-in was ended; log in again.</source>
        <translation>Diese Anmeldung wurde beendet; melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AuthHandler</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Not an auth request.</source>
        <translation>Keine Anmeldeanfrage.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>Der Server ist mit Anmeldungen beschäftigt; versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Registration is closed on this server; ask its admin for an account.</source>
        <translation>Die Registrierung auf diesem Server ist geschlossen; frag den Admin nach einem Konto.</translation>
    </message>
    <message>
        <source>Too many attempts from this address; wait a moment.</source>
        <translation>Zu viele Versuche von dieser Adresse; warte einen Moment.</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>Das Passwort konnte nicht gehasht werden.</translation>
    </message>
    <message>
        <source>Too many failed logins; wait before trying again.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen; warte, bevor du es erneut versuchst.</translation>
    </message>
    <message>
        <source>Too many failed attempts; wait a moment.</source>
        <translation>Zu viele fehlgeschlagene Versuche; warte einen Moment.</translation>
    </message>
    <message>
        <source>This sign-in has expired or was ended; log in again.</source>
        <translation>Diese Anmeldung ist abgelaufen oder wurde beendet; melde dich erneut an.</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>Du bist nicht angemeldet.</translation>
    </message>
    <message>
        <source>This invite code is not valid: it is mistyped, used, withdrawn or expired.</source>
        <translation>Dieser Einladungscode ist ungültig: falsch eingegeben, schon benutzt, zurückgezogen oder abgelaufen.</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation: ask an admin for an invite code.</source>
        <translation>Dieser Server nimmt neue Konten nur auf Einladung an: Bitten Sie die Administration um einen Einladungscode.</translation>
    </message>
    <message>
        <source>This account has been disabled; ask an admin.</source>
        <translation>Dieses Konto wurde deaktiviert; wenden Sie sich an die Administration.</translation>
    </message>
    <message>
        <source>This one-time code has expired; ask an admin for a new one.</source>
        <translation>Dieser Einmalcode ist abgelaufen; bitten Sie die Administration um einen neuen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ChatHandler</name>
    <message>
        <source>This channel does not exist.</source>
        <translation>Diesen Kanal gibt es nicht.</translation>
    </message>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Diese Nachricht gibt es nicht (vielleicht wurde sie gelöscht).</translation>
    </message>
    <message>
        <source>Not a chat request.</source>
        <translation>Keine Chat-Anfrage.</translation>
    </message>
    <message>
        <source>message</source>
        <translation>diese Nachricht</translation>
    </message>
    <message>
        <source>The message replied to does not exist in this channel.</source>
        <translation>Die beantwortete Nachricht gibt es in diesem Kanal nicht.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ChatStore</name>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Diese Nachricht gibt es nicht (vielleicht wurde sie gelöscht).</translation>
    </message>
    <message>
        <source>A channel named &apos;%1&apos; already exists.</source>
        <translation>Es gibt schon einen Kanal namens „%1“.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::DirectHandler</name>
    <message>
        <source>The field &apos;userIds&apos; must be an array of user ids.</source>
        <translation>Das Feld „userIds“ muss eine Liste von Benutzer-IDs sein.</translation>
    </message>
    <message>
        <source>A conversation has at most %1 members.</source>
        <translation>Eine Unterhaltung hat höchstens %1 Mitglieder.</translation>
    </message>
    <message>
        <source>Name at least one other user to talk to.</source>
        <translation>Nennen Sie mindestens eine weitere Person für die Unterhaltung.</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>Es gibt keinen Benutzer mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::EventStore</name>
    <message>
        <source>This server has no changes after %1 (its latest is %2): reload.</source>
        <translation>Dieser Server hat keine Änderungen nach %1 (die neueste ist %2): neu laden.</translation>
    </message>
    <message>
        <source>Changes before %1 are no longer kept: reload.</source>
        <translation>Änderungen vor %1 werden nicht mehr aufbewahrt: neu laden.</translation>
    </message>
    <message>
        <source>Too much has changed since %1 to send at once: reload.</source>
        <translation>Seit %1 hat sich zu viel geändert, um alles auf einmal zu senden: neu laden.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FeedHandler</name>
    <message>
        <source>The attached image does not exist; upload it first.</source>
        <translation>Das angehängte Bild gibt es nicht; lade es zuerst hoch.</translation>
    </message>
    <message>
        <source>An image id is the 64-character lowercase hex SHA-256 of the image.</source>
        <translation>Eine Bild-ID ist der SHA-256 des Bildes als 64 Hex-Ziffern in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>Not a feed request.</source>
        <translation>Keine Anfrage für Beiträge.</translation>
    </message>
    <message>
        <source>This post does not exist.</source>
        <translation>Diesen Beitrag gibt es nicht.</translation>
    </message>
    <message>
        <source>post</source>
        <translation>diesen Beitrag</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FileHandler</name>
    <message>
        <source>There is no such upload (it was finished, cancelled or abandoned).</source>
        <translation>Diesen Upload gibt es nicht (er ist fertig, abgebrochen oder aufgegeben).</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>This must be a SHA-256 digest in hexadecimal.</source>
        <translation>Dies muss ein SHA-256-Hash in Hexadezimalschreibweise sein.</translation>
    </message>
    <message>
        <source>A file name has 1 to 255 characters, without control characters, &apos;/&apos; or &apos;\&apos;.</source>
        <translation>Ein Dateiname hat 1 bis 255 Zeichen, ohne Steuerzeichen, „/“ oder „\“.</translation>
    </message>
    <message>
        <source>A file name has at most 255 characters.</source>
        <translation>Ein Dateiname hat höchstens 255 Zeichen.</translation>
    </message>
    <message>
        <source>The type must look like &apos;application/pdf&apos;.</source>
        <translation>Der Typ muss wie „application/pdf“ aussehen.</translation>
    </message>
    <message>
        <source>Not a file request.</source>
        <translation>Keine Dateianfrage.</translation>
    </message>
    <message>
        <source>The size must not be negative.</source>
        <translation>Die Größe darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>A file can be at most 100 MiB.</source>
        <translation>Eine Datei darf höchstens 100 MiB groß sein.</translation>
    </message>
    <message>
        <source>You have %1 uploads in progress; finish or cancel one first.</source>
        <translation>Sie haben %1 laufende Uploads; schließen Sie zuerst einen ab oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation>Der Server hat gerade keinen Platz für diese Datei.</translation>
    </message>
    <message>
        <source>A chunk can be at most 4 MiB.</source>
        <translation>Ein Teilstück darf höchstens 4 MiB groß sein.</translation>
    </message>
    <message>
        <source>The chunk is not valid base64, or empty.</source>
        <translation>Das Teilstück ist kein gültiges Base64 oder leer.</translation>
    </message>
    <message>
        <source>The chunk must start at byte %1.</source>
        <translation>Das Teilstück muss bei Byte %1 beginnen.</translation>
    </message>
    <message>
        <source>The chunk goes past the end of the file.</source>
        <translation>Das Teilstück reicht über das Dateiende hinaus.</translation>
    </message>
    <message>
        <source>The upload is not complete: %1 of %2 bytes received.</source>
        <translation>Der Upload ist nicht vollständig: %1 von %2 Bytes empfangen.</translation>
    </message>
    <message>
        <source>The bytes received do not match the SHA-256 given; the upload was dropped.</source>
        <translation>Die empfangenen Bytes passen nicht zum angegebenen SHA-256; der Upload wurde verworfen.</translation>
    </message>
    <message>
        <source>The offset must not be negative.</source>
        <translation>Der Versatz darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The length must be at least 1.</source>
        <translation>Die Länge muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>At most 4 MiB can be read at once.</source>
        <translation>Es können höchstens 4 MiB auf einmal gelesen werden.</translation>
    </message>
    <message>
        <source>The offset is past the end of the file.</source>
        <translation>Der Versatz liegt hinter dem Dateiende.</translation>
    </message>
    <message>
        <source>&apos;files&apos; must be an array of file ids.</source>
        <translation>„files“ muss ein Array von Datei-IDs sein.</translation>
    </message>
    <message>
        <source>At most %1 files can be attached.</source>
        <translation>Es können höchstens %1 Dateien angehängt werden.</translation>
    </message>
    <message>
        <source>There is no such file, or its upload is not finished.</source>
        <translation>Diese Datei gibt es nicht, oder ihr Upload ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The same file is attached twice.</source>
        <translation>Dieselbe Datei ist zweimal angehängt.</translation>
    </message>
    <message>
        <source>The size does not match the file with this SHA-256.</source>
        <translation>Die Größe passt nicht zur Datei mit diesem SHA-256.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FileStore</name>
    <message>
        <source>The server could not store this file (its disk may be full). The upload was stopped and its partial data removed.</source>
        <translation>Der Server konnte diese Datei nicht speichern (seine Festplatte ist vielleicht voll). Der Upload wurde angehalten und seine Teildaten entfernt.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such file, or its upload is not finished.</source>
        <translation>Diese Datei gibt es nicht, oder ihr Upload ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>This upload is gone (cancelled or abandoned); begin it again.</source>
        <translation>Dieser Upload ist weg (abgebrochen oder aufgegeben); beginnen Sie ihn neu.</translation>
    </message>
    <message>
        <source>The chunk must start at byte %1.</source>
        <translation>Das Teilstück muss bei Byte %1 beginnen.</translation>
    </message>
    <message>
        <source>The server could not read this file.</source>
        <translation>Der Server konnte diese Datei nicht lesen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ImageHandler</name>
    <message>
        <source>The image must be a PNG, JPEG, GIF or WebP file.</source>
        <translation>Das Bild muss eine PNG-, JPEG-, GIF- oder WebP-Datei sein.</translation>
    </message>
    <message>
        <source>The image is larger than 8 MiB.</source>
        <translation>Das Bild ist größer als 8 MiB.</translation>
    </message>
    <message>
        <source>The image data is not valid base64 (it looks cut off).</source>
        <translation>Die Bilddaten sind kein gültiges Base64 (sie wirken abgeschnitten).</translation>
    </message>
    <message>
        <source>The image data is not valid base64.</source>
        <translation>Die Bilddaten sind kein gültiges Base64.</translation>
    </message>
    <message>
        <source>There is no such image.</source>
        <translation>Dieses Bild gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ImageInspector</name>
    <message>
        <source>The image is larger than 8 MiB.</source>
        <translation>Das Bild ist größer als 8 MiB.</translation>
    </message>
    <message>
        <source>The image must be a PNG, JPEG, GIF or WebP file.</source>
        <translation>Das Bild muss eine PNG-, JPEG-, GIF- oder WebP-Datei sein.</translation>
    </message>
    <message>
        <source>The image has no readable size.</source>
        <translation>Die Größe des Bildes ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; at most %3 x %3 are allowed.</source>
        <translation>Das Bild hat %1 x %2 Pixel; erlaubt sind höchstens %3 x %3.</translation>
    </message>
    <message>
        <source>The image could not be decoded: %1.</source>
        <translation>Das Bild konnte nicht dekodiert werden: %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::MetricsServer</name>
    <message>
        <source>cannot listen for metrics on %1:%2: %3</source>
        <translation>kann für die Metriken nicht auf %1:%2 lauschen: %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::PostStore</name>
    <message>
        <source>This post does not exist (it may have been deleted).</source>
        <translation>Diesen Beitrag gibt es nicht (vielleicht wurde er gelöscht).</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReactionStore</name>
    <message>
        <source>At most %1 different reactions fit on one entry.</source>
        <translation>Ein Eintrag kann höchstens %1 verschiedene Reaktionen haben.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReadHandler</name>
    <message>
        <source>This channel does not exist.</source>
        <translation>Diesen Kanal gibt es nicht.</translation>
    </message>
    <message>
        <source>Not a read request.</source>
        <translation>Keine Lese-Anfrage.</translation>
    </message>
    <message>
        <source>This message is not in this channel (it may have been deleted).</source>
        <translation>Diese Nachricht ist nicht in diesem Kanal (sie wurde vielleicht gelöscht).</translation>
    </message>
    <message>
        <source>The level must be &quot;all&quot;, &quot;mentions&quot; or &quot;none&quot;.</source>
        <translation>Die Stufe muss „all“, „mentions“ oder „none“ sein.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReplyHandler</name>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Diese Nachricht gibt es nicht (sie wurde vielleicht gelöscht).</translation>
    </message>
    <message>
        <source>Not a chat request.</source>
        <translation>Keine Chat-Anfrage.</translation>
    </message>
    <message>
        <source>A reaction goes on a message or on a post: give one of messageId and postId.</source>
        <translation>Eine Reaktion gilt einer Nachricht oder einem Beitrag: Gib entweder messageId oder postId an.</translation>
    </message>
    <message>
        <source>&apos;on&apos; must be true or false.</source>
        <translation>„on“ muss true oder false sein.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SearchHandler</name>
    <message>
        <source>&apos;%1&apos; must be an ISO 8601 time with a zone, such as 2026-01-31T09:00:00Z.</source>
        <translation>„%1“ muss eine ISO-8601-Zeit mit Zeitzone sein, etwa 2026-01-31T09:00:00Z.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be one of: %2.</source>
        <translation>„%1“ muss einer dieser Werte sein: %2.</translation>
    </message>
    <message>
        <source>&apos;offset&apos; must be between 0 and %1.</source>
        <translation>„offset“ muss zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>This channel does not exist.</source>
        <translation>Diesen Kanal gibt es nicht.</translation>
    </message>
    <message>
        <source>This user does not exist.</source>
        <translation>Diesen Benutzer gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SearchQuery</name>
    <message>
        <source>A search is at most %1 characters long.</source>
        <translation>Eine Suche ist höchstens %1 Zeichen lang.</translation>
    </message>
    <message>
        <source>Type a word to search for.</source>
        <translation>Geben Sie ein Wort zum Suchen ein.</translation>
    </message>
    <message>
        <source>A search has at most %1 words.</source>
        <translation>Eine Suche hat höchstens %1 Wörter.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::Server</name>
    <message>
        <source>libsodium could not be initialised</source>
        <translation>libsodium konnte nicht initialisiert werden</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>Too much data too fast; slow down.</source>
        <translation>Zu viele Daten zu schnell; bitte langsamer.</translation>
    </message>
    <message>
        <source>Too many requests; slow down.</source>
        <translation>Zu viele Anfragen; bitte langsamer.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Melde dich zuerst an.</translation>
    </message>
    <message>
        <source>Binary frames are not part of the protocol; send JSON text frames.</source>
        <translation>Binäre Frames gehören nicht zum Protokoll; sende JSON-Text-Frames.</translation>
    </message>
    <message>
        <source>TLS is off</source>
        <translation>TLS ist ausgeschaltet</translation>
    </message>
    <message>
        <source>You signed in with a one-time code: choose a new password first.</source>
        <translation>Sie haben sich mit einem Einmalcode angemeldet: Wählen Sie zuerst ein neues Passwort.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SyncHandler</name>
    <message>
        <source>The client name is longer than %1 characters.</source>
        <translation>Der Client-Name ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>This server speaks protocol version %1 only.</source>
        <translation>Dieser Server spricht nur Protokollversion %1.</translation>
    </message>
    <message>
        <source>&apos;since&apos; must not be negative.</source>
        <translation>„since“ darf nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::UserHandler</name>
    <message>
        <source>An image id is the 64-character lowercase hex SHA-256 of the image.</source>
        <translation>Eine Bild-ID ist der SHA-256 des Bildes als 64 Hex-Ziffern in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>The picture does not exist; upload it first.</source>
        <translation>Das Bild existiert nicht; laden Sie es zuerst hoch.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::UserStore</name>
    <message>
        <source>The username &apos;%1&apos; is already taken.</source>
        <translation>Der Benutzername „%1“ ist schon vergeben.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>Dieses Konto gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>There is no user &apos;%1&apos;.</source>
        <translation>Es gibt keinen Benutzer „%1“.</translation>
    </message>
    <message>
        <source>This account has been disabled.</source>
        <translation>Dieses Konto wurde deaktiviert.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::VersionHandler</name>
    <message>
        <source>Not an edit history request.</source>
        <translation>Keine Anfrage nach dem Bearbeitungsverlauf.</translation>
    </message>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Diese Nachricht gibt es nicht (vielleicht wurde sie gelöscht).</translation>
    </message>
    <message>
        <source>This post does not exist (it may have been deleted).</source>
        <translation>Diesen Beitrag gibt es nicht (vielleicht wurde er gelöscht).</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::Writer</name>
    <message>
        <source>The server is shutting down; the change was not stored.</source>
        <translation>Der Server wird heruntergefahren; die Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The writer is not running.</source>
        <translation>Der Schreibprozess läuft nicht.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Validation</name>
    <message>
        <source>%1 is too long: at most %2 characters, this has %3.</source>
        <translation>%1 ist zu lang: höchstens %2 Zeichen, hier sind es %3.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 darf nicht leer sein.</translation>
    </message>
    <message>
        <source>%1 is too short: at least %2 characters.</source>
        <translation>%1 ist zu kurz: mindestens %2 Zeichen.</translation>
    </message>
    <message>
        <source>The username</source>
        <translation>Der Benutzername</translation>
    </message>
    <message>
        <source>The password</source>
        <translation>Das Passwort</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>Der Titel</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Der Text</translation>
    </message>
    <message>
        <source>The message</source>
        <translation>Die Nachricht</translation>
    </message>
    <message>
        <source>The comment</source>
        <translation>Der Kommentar</translation>
    </message>
    <message>
        <source>The rating must be a whole number of stars from %1 to %2.</source>
        <translation>Die Bewertung muss eine ganze Zahl von %1 bis %2 Sternen sein.</translation>
    </message>
    <message>
        <source>The channel name</source>
        <translation>Der Kanalname</translation>
    </message>
    <message>
        <source>A channel name may not contain line breaks or control characters.</source>
        <translation>Ein Kanalname darf keine Zeilenumbrüche oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The topic</source>
        <translation>Das Thema</translation>
    </message>
    <message>
        <source>The nonce</source>
        <translation>Die Nonce</translation>
    </message>
    <message>
        <source>A username may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;: no spaces, symbols or emoji.</source>
        <translation>Ein Benutzername darf nur Buchstaben, Ziffern, „_“, „.“ und „-“ enthalten: keine Leerzeichen, Symbole oder Emojis.</translation>
    </message>
    <message>
        <source>The display name</source>
        <translation>Der Anzeigename</translation>
    </message>
    <message>
        <source>A display name may not contain line breaks, control characters or invisible formatting characters.</source>
        <translation>Ein Anzeigename darf keine Zeilenumbrüche, Steuerzeichen oder unsichtbaren Formatierungszeichen enthalten.</translation>
    </message>
    <message>
        <source>A reaction is at most %1 bytes long.</source>
        <translation>Eine Reaktion ist höchstens %1 Bytes lang.</translation>
    </message>
    <message>
        <source>A reaction has no spaces or control characters.</source>
        <translation>Eine Reaktion enthält keine Leer- oder Steuerzeichen.</translation>
    </message>
    <message>
        <source>A reaction is an emoji or a symbol, not a word.</source>
        <translation>Eine Reaktion ist ein Emoji oder ein Symbol, kein Wort.</translation>
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
    <name>TlsContext</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>TLS is not available: %1</source>
        <translation>TLS ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>cannot use the certificate %1: %2</source>
        <translation>das Zertifikat %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>the key %1 does not belong to the certificate %2</source>
        <translation>der Schlüssel %1 gehört nicht zum Zertifikat %2</translation>
    </message>
    <message>
        <source>cannot use the key %1: %2</source>
        <translation>der Schlüssel %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>cannot read the certificate %1</source>
        <translation>das Zertifikat %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot create a key: %1</source>
        <translation>es kann kein Schlüssel erzeugt werden: %1</translation>
    </message>
    <message>
        <source>cannot create a certificate: %1</source>
        <translation>es kann kein Zertifikat erzeugt werden: %1</translation>
    </message>
    <message>
        <source>cannot sign the certificate: %1</source>
        <translation>das Zertifikat kann nicht signiert werden: %1</translation>
    </message>
    <message>
        <source>cannot write the certificate: %1</source>
        <translation>das Zertifikat kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hubbub: the feed and chat of your local network.</source>
        <translation>Hubbub: Beiträge und Chat deines lokalen Netzwerks.</translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt; without the dialog, creating the account if needed.</source>
        <translation>Ohne Dialog als &lt;name&gt; anmelden und das Konto bei Bedarf erstellen.</translation>
    </message>
    <message>
        <source>Read the password for --user from &lt;file&gt;.</source>
        <translation>Das Passwort für --user aus &lt;file&gt; lesen.</translation>
    </message>
    <message>
        <source>Trust the certificate of the --server whose SHA-256 fingerprint is &lt;sha256&gt;, as hubbub-server prints it, without asking.</source>
        <translation>Dem Zertifikat des --server mit dem SHA-256-Fingerabdruck &lt;sha256&gt;, wie hubbub-server ihn ausgibt, ohne Rückfrage vertrauen.</translation>
    </message>
    <message>
        <source>Connect to the server at &lt;url&gt; (default: the last one). A server with several addresses: all of them, separated by commas, tried in turn.</source>
        <translation>Mit dem Server unter &lt;url&gt; verbinden (Standard: der zuletzt benutzte). Ein Server mit mehreren Adressen: alle, durch Kommas getrennt, der Reihe nach versucht.</translation>
    </message>
</context>
</TS>
