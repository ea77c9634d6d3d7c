<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CommandLine</name>
    <message>
        <source>Hubbub feed and chat server</source>
        <translation>Serveur de fil et de messagerie Hubbub</translation>
    </message>
    <message>
        <source>Address to listen on (default: all).</source>
        <translation>Adresse d&apos;écoute (par défaut&#xa0;: toutes).</translation>
    </message>
    <message>
        <source>Port (default 7300; 0 picks a free one).</source>
        <translation>Port (7300 par défaut&#xa0;; 0 en choisit un libre).</translation>
    </message>
    <message>
        <source>full: fsync every commit (default); normal: faster, may lose the last commits on power loss.</source>
        <translation>full&#xa0;: fsync à chaque validation (par défaut)&#xa0;; normal&#xa0;: plus rapide, peut perdre les dernières validations en cas de coupure de courant.</translation>
    </message>
    <message>
        <source>Events kept for catching up after a reconnect (default 100000).</source>
        <translation>Événements conservés pour rattraper le retard après une reconnexion (100000 par défaut).</translation>
    </message>
    <message>
        <source>Make USERNAME an admin and exit.</source>
        <translation>Faire de USERNAME un administrateur, puis quitter.</translation>
    </message>
    <message>
        <source>Log every connection and the type of every request.</source>
        <translation>Journaliser chaque connexion et le type de chaque demande.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--host: &apos;%1&apos; is not an IP address</source>
        <translation>--host&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas une adresse IP</translation>
    </message>
    <message>
        <source>--port: &apos;%1&apos; is not a port number</source>
        <translation>--port&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas un numéro de port</translation>
    </message>
    <message>
        <source>--durability must be full or normal</source>
        <translation>--durability doit valoir full ou normal</translation>
    </message>
    <message>
        <source>--event-retention must be a whole number of at least 1</source>
        <translation>--event-retention doit être un nombre entier d&apos;au moins 1</translation>
    </message>
    <message>
        <source>no writable data folder; pass --db FILE</source>
        <translation>aucun dossier de données accessible en écriture&#xa0;; indiquez --db FICHIER</translation>
    </message>
    <message>
        <source>the folder of %1 does not exist</source>
        <translation>le dossier de %1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>there is no database at %1</source>
        <translation>il n&apos;y a pas de base de données à %1</translation>
    </message>
    <message>
        <source>on: wss://, TLS 1.2 or newer (default); off: plain ws://, for a trusted network or a proxy that does TLS.</source>
        <translation>on&#xa0;: wss://, TLS 1.2 ou plus récent (par défaut)&#xa0;; off&#xa0;: ws:// en clair, pour un réseau de confiance ou derrière un proxy qui fait le TLS.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) to serve. Default: a self-signed one made on the first start beside the database. Read again on SIGHUP.</source>
        <translation>Certificat PEM (ou chaîne) à présenter. Par défaut&#xa0;: un certificat auto-signé créé au premier démarrage à côté de la base. Relu sur SIGHUP.</translation>
    </message>
    <message>
        <source>PEM private key of --tls-cert. Read again on SIGHUP.</source>
        <translation>Clé privée PEM de --tls-cert. Relue sur SIGHUP.</translation>
    </message>
    <message>
        <source>The server&apos;s name, as people on the network see it (default: the host name).</source>
        <translation>Le nom du serveur, tel que le voient les gens du réseau (par défaut&#xa0;: le nom de la machine).</translation>
    </message>
    <message>
        <source>Do not announce the server on the local network.</source>
        <translation>Ne pas annoncer le serveur sur le réseau local.</translation>
    </message>
    <message>
        <source>UDP port of the announcements on the local network (default 7300).</source>
        <translation>Port UDP des annonces sur le réseau local (7300 par défaut).</translation>
    </message>
    <message>
        <source>--tls must be on or off</source>
        <translation>--tls doit valoir on ou off</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert et --tls-key vont ensemble</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key need TLS on</source>
        <translation>--tls-cert et --tls-key demandent le TLS activé</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>impossible de lire %1</translation>
    </message>
    <message>
        <source>--name must be at most 63 characters, none of them control characters</source>
        <translation>--name doit faire au plus 63 caractères, sans caractère de contrôle</translation>
    </message>
    <message>
        <source>--discovery-port: &apos;%1&apos; is not a port number</source>
        <translation>--discovery-port&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas un numéro de port</translation>
    </message>
    <message>
        <source>open: anyone may create an account (default); invite: only with an invite code from an admin; closed: only existing users log in.</source>
        <translation>open&#xa0;: tout le monde peut créer un compte (par défaut)&#xa0;; invite&#xa0;: seulement avec un code d&apos;invitation d&apos;un administrateur&#xa0;; closed&#xa0;: seuls les utilisateurs existants se connectent.</translation>
    </message>
    <message>
        <source>--registration must be open, invite or closed</source>
        <translation>--registration doit valoir open, invite ou closed</translation>
    </message>
    <message>
        <source>Serve /metrics (Prometheus) and /healthz over HTTP on this port (default: off).</source>
        <translation>Servir /metrics (Prometheus) et /healthz en HTTP sur ce port (désactivé par défaut).</translation>
    </message>
    <message>
        <source>Address of the metrics port (default 127.0.0.1). Anyone who can reach it can read the metrics.</source>
        <translation>Adresse du port des métriques (127.0.0.1 par défaut). Quiconque peut l&apos;atteindre peut lire les métriques.</translation>
    </message>
    <message>
        <source>--metrics-port: &apos;%1&apos; is not a port number</source>
        <translation>--metrics-port&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas un numéro de port</translation>
    </message>
    <message>
        <source>--metrics-address needs --metrics-port</source>
        <translation>--metrics-address nécessite --metrics-port</translation>
    </message>
    <message>
        <source>--metrics-address: &apos;%1&apos; is not an IP address</source>
        <translation>--metrics-address&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas une adresse IP</translation>
    </message>
    <message>
        <source>SQLite database file, or a PostgreSQL database as postgresql://USER@HOST:PORT/DBNAME, which any number of instances may share (the password from PGPASSFILE or PGPASSWORD, never here).</source>
        <translation>Fichier de base de données SQLite, ou une base PostgreSQL sous la forme postgresql://USER@HOST:PORT/DBNAME, que plusieurs instances peuvent partager (le mot de passe vient de PGPASSFILE ou de PGPASSWORD, jamais d&apos;ici).</translation>
    </message>
    <message>
        <source>With PostgreSQL: the folder for uploaded files and the self-signed certificate; instances of one database share it (default: the user&apos;s data folder).</source>
        <translation>Avec PostgreSQL&#xa0;: le dossier des fichiers envoyés et du certificat auto-signé&#xa0;; les instances d&apos;une même base le partagent (par défaut&#xa0;: le dossier de données de l&apos;utilisateur).</translation>
    </message>
    <message>
        <source>no writable data folder; pass --data-dir DIR</source>
        <translation>aucun dossier de données accessible en écriture&#xa0;; passez --data-dir DIR</translation>
    </message>
    <message>
        <source>--data-dir is for PostgreSQL; an SQLite database keeps its files beside it</source>
        <translation>--data-dir sert à PostgreSQL&#xa0;; une base SQLite garde ses fichiers à côté d&apos;elle</translation>
    </message>
    <message>
        <source>Copy the SQLite database FILE (with its files and certificate) into the empty PostgreSQL database of --db, check it row by row, and exit.</source>
        <translation>Copier la base SQLite FILE (avec ses fichiers et son certificat) dans la base PostgreSQL vide de --db, la vérifier ligne par ligne, puis quitter.</translation>
    </message>
    <message>
        <source>--migrate-from copies into PostgreSQL: pass --db postgresql://…</source>
        <translation>--migrate-from copie vers PostgreSQL&#xa0;: indiquez --db postgresql://…</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmation</name>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli</name>
    <message>
        <source>Show the help of hubbub-cli or of a command.</source>
        <translation>Afficher l&apos;aide de hubbub-cli ou d&apos;une commande.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::AccountCommands</name>
    <message>
        <source>%1 can be read by other users of this computer; chmod 600 %1 makes it yours alone.</source>
        <translation>%1 est lisible par les autres utilisateurs de cet ordinateur&#xa0;; chmod 600 %1 le réserve à vous seul.</translation>
    </message>
    <message>
        <source>No password: standard input is not a terminal to ask at. Set %1 or use a password file (&quot;-&quot; for standard input).</source>
        <translation>Pas de mot de passe&#xa0;: l&apos;entrée standard n&apos;est pas un terminal où le demander. Définissez %1 ou utilisez un fichier de mot de passe («&#xa0;-&#xa0;» pour l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>Once more: </source>
        <translation>Encore une fois&#xa0;: </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>No password was typed.</source>
        <translation>Aucun mot de passe n&apos;a été saisi.</translation>
    </message>
    <message>
        <source>[admin]</source>
        <translation>[administrateur]</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt; (required).</source>
        <translation>Se connecter en tant que &lt;name&gt; (obligatoire).</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (&quot;-&quot;: standard input).</source>
        <translation>Lire le mot de passe sur la première ligne de &lt;file&gt; («&#xa0;-&#xa0;»&#xa0;: l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>Create the account (on a server that lets you) instead of signing in.</source>
        <translation>Créer le compte (sur un serveur qui le permet) au lieu de se connecter.</translation>
    </message>
    <message>
        <source>The invite code an admin gave you, with --create-account on a server that takes new accounts by invitation.</source>
        <translation>Le code d&apos;invitation qu&apos;un administrateur vous a donné, avec --create-account sur un serveur qui n&apos;accepte de nouveaux comptes que sur invitation.</translation>
    </message>
    <message>
        <source>Trust the server&apos;s self-signed certificate whose SHA-256 fingerprint is &lt;sha256&gt;, as hubbub-server prints it.</source>
        <translation>Faire confiance au certificat autosigné du serveur dont l&apos;empreinte SHA-256 est &lt;sha256&gt;, telle que hubbub-server l&apos;affiche.</translation>
    </message>
    <message>
        <source>After signing in with a one-time code from an admin: read the new password from &lt;file&gt; (else HUBBUB_NEW_PASSWORD, else a prompt).</source>
        <translation>Après une connexion avec un code à usage unique d&apos;un administrateur&#xa0;: lire le nouveau mot de passe dans &lt;file&gt; (sinon HUBBUB_NEW_PASSWORD, sinon une invite).</translation>
    </message>
    <message>
        <source>Sign in and keep the token for the next commands.</source>
        <translation>Se connecter et garder le jeton pour les commandes suivantes.</translation>
    </message>
    <message>
        <source>The password comes from the prompt (without echo), the environment variable HUBBUB_PASSWORD, or --password-file; never from the command line. The token is kept in the system&apos;s keychain (else a file only you can read), or in --config&apos;s folder. hubbub-cli is a session of its own on the server, apart from the app&apos;s.</source>
        <translation>Le mot de passe vient de l&apos;invite (sans écho), de la variable d&apos;environnement HUBBUB_PASSWORD ou de --password-file&#xa0;; jamais de la ligne de commande. Le jeton est gardé dans le trousseau du système (sinon dans un fichier que vous seul pouvez lire), ou dans le dossier de --config. hubbub-cli est une session à part sur le serveur, distincte de celle de l&apos;application.</translation>
    </message>
    <message>
        <source>login needs --user NAME.</source>
        <translation>login a besoin de --user NOM.</translation>
    </message>
    <message>
        <source>--trust-fingerprint needs a SHA-256 fingerprint: 32 hex pairs joined by colons.</source>
        <translation>--trust-fingerprint attend une empreinte SHA-256&#xa0;: 32 paires hexadécimales séparées par des deux-points.</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>Mot de passe de %1 sur %2&#xa0;: </translation>
    </message>
    <message>
        <source>Trust this certificate? [y/N] </source>
        <translation>Faire confiance à ce certificat&#xa0;? [y/N] </translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>Le certificat de %1 a changé.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Le certificat de %1 n&apos;est pas approuvé.</translation>
    </message>
    <message>
        <source>You signed in with a one-time code. New password: </source>
        <translation>Vous vous êtes connecté avec un code à usage unique. Nouveau mot de passe&#xa0;: </translation>
    </message>
    <message>
        <source>Only forget the token here, without telling the server (when it cannot be reached; the session stays valid until it expires or is signed out from another device).</source>
        <translation>Seulement oublier le jeton ici, sans prévenir le serveur (quand il est injoignable&#xa0;; la session reste valable jusqu&apos;à son expiration ou sa déconnexion depuis un autre appareil).</translation>
    </message>
    <message>
        <source>Sign out: end this session on the server and forget the token.</source>
        <translation>Se déconnecter&#xa0;: fermer cette session sur le serveur et oublier le jeton.</translation>
    </message>
    <message>
        <source>Forgot the token for %1.</source>
        <translation>Jeton de %1 oublié.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Déconnecté de %1.</translation>
    </message>
    <message>
        <source>Show who is signed in, on which server.</source>
        <translation>Afficher qui est connecté, et sur quel serveur.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Token kept in %1.</source>
        <translation>Jeton gardé dans %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::AdminCommands</name>
    <message>
        <source>There is no user named %1.</source>
        <translation>Il n&apos;y a pas d&apos;utilisateur nommé %1.</translation>
    </message>
    <message>
        <source>List every account.</source>
        <translation>Lister tous les comptes.</translation>
    </message>
    <message>
        <source>admin commands</source>
        <translation>les commandes d&apos;administration</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>one-time code</source>
        <translation>code à usage unique</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>USER</source>
        <translation>UTILISATEUR</translation>
    </message>
    <message>
        <source>A username or a user id.</source>
        <translation>Un nom d&apos;utilisateur ou un identifiant d&apos;utilisateur.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is disabled; %n session(s) signed out.</source>
        <translation>
            <numerusform>%1 est désactivé&#xa0;; %n session fermée.</numerusform>
            <numerusform>%1 est désactivé&#xa0;; %n sessions fermées.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>One-time code for %1: %2 (valid until %3). Give it to them in person.</source>
        <translation>Code à usage unique pour %1&#xa0;: %2 (valable jusqu&apos;au %3). Remettez-le en personne.</translation>
    </message>
    <message>
        <source>Make someone an admin or a member.</source>
        <translation>Faire de quelqu&apos;un un administrateur ou un membre.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>RÔLE</translation>
    </message>
    <message>
        <source>admin or member.</source>
        <translation>admin ou member.</translation>
    </message>
    <message>
        <source>ROLE must be admin or member.</source>
        <translation>RÔLE doit valoir admin ou member.</translation>
    </message>
    <message>
        <source>%1 is an admin.</source>
        <translation>%1 est administrateur.</translation>
    </message>
    <message>
        <source>%1 is a member.</source>
        <translation>%1 est membre.</translation>
    </message>
    <message>
        <source>Valid for &lt;n&gt; hours (1 to 720, default 168: a week).</source>
        <translation>Valable &lt;n&gt; heures (de 1 à 720, 168 par défaut&#xa0;: une semaine).</translation>
    </message>
    <message>
        <source>Make an invite code for a new account.</source>
        <translation>Créer un code d&apos;invitation pour un nouveau compte.</translation>
    </message>
    <message>
        <source>invites</source>
        <translation>les invitations</translation>
    </message>
    <message>
        <source>Invite code: %1 (valid until %2).</source>
        <translation>Code d&apos;invitation&#xa0;: %1 (valable jusqu&apos;au %2).</translation>
    </message>
    <message>
        <source>List the open invites and those used or expired lately.</source>
        <translation>Lister les invitations ouvertes et celles utilisées ou expirées récemment.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>par %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>utilisée par %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>Withdraw an unused invite.</source>
        <translation>Retirer une invitation inutilisée.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The invite&apos;s id (invite list).</source>
        <translation>L&apos;identifiant de l&apos;invitation (invite list).</translation>
    </message>
    <message>
        <source>Invite %1 withdrawn.</source>
        <translation>Invitation %1 retirée.</translation>
    </message>
    <message>
        <source>The &lt;n&gt; newest entries (1 to 500, default 100).</source>
        <translation>Les &lt;n&gt; entrées les plus récentes (de 1 à 500, 100 par défaut).</translation>
    </message>
    <message>
        <source>Only entries older than the entry &lt;id&gt;.</source>
        <translation>Seulement les entrées antérieures à l&apos;entrée &lt;id&gt;.</translation>
    </message>
    <message>
        <source>Show the audit log of what admins changed, newest first.</source>
        <translation>Afficher le journal d&apos;audit des changements faits par les administrateurs, les plus récents d&apos;abord.</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Disable an account and sign out all its devices.</source>
        <translation>Désactiver un compte et déconnecter tous ses appareils.</translation>
    </message>
    <message>
        <source>Let a disabled account sign in again.</source>
        <translation>Permettre à un compte désactivé de se reconnecter.</translation>
    </message>
    <message>
        <source>Replace someone&apos;s password with a one-time code.</source>
        <translation>Remplacer le mot de passe de quelqu&apos;un par un code à usage unique.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::CliSettings</name>
    <message>
        <source>the system&apos;s keychain (service &quot;%1&quot;)</source>
        <translation>le trousseau du système (service «&#xa0;%1&#xa0;»)</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::CommandLine</name>
    <message>
        <source>Keep the sign-in and settings in &lt;dir&gt; (hubbub-cli.ini, secrets.json) instead of the system&apos;s settings and keychain; also the environment variable HUBBUB_CLI_CONFIG.</source>
        <translation>Garder la connexion et les réglages dans &lt;dir&gt; (hubbub-cli.ini, secrets.json) au lieu des réglages et du trousseau du système&#xa0;; aussi la variable d&apos;environnement HUBBUB_CLI_CONFIG.</translation>
    </message>
    <message>
        <source>Print results as JSON, one value per line, and errors on standard error as JSON.</source>
        <translation>Afficher les résultats en JSON, une valeur par ligne, et les erreurs en JSON sur la sortie d&apos;erreur.</translation>
    </message>
    <message>
        <source>Give up when the server does not answer within &lt;seconds&gt; (default 15).</source>
        <translation>Abandonner quand le serveur ne répond pas dans les &lt;seconds&gt; secondes (15 par défaut).</translation>
    </message>
    <message>
        <source>Log the connection on standard error.</source>
        <translation>Journaliser la connexion sur la sortie d&apos;erreur.</translation>
    </message>
    <message>
        <source>hubbub-cli: the command-line client of Hubbub, the feed and chat of your local network.</source>
        <translation>hubbub-cli&#xa0;: le client en ligne de commande de Hubbub, le fil et la messagerie de votre réseau local.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes&#xa0;:</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Codes de sortie&#xa0;:</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>the server refused (invalid, conflict, rate limited, …) or another error</source>
        <translation>le serveur a refusé (invalide, conflit, trop de requêtes…) ou une autre erreur</translation>
    </message>
    <message>
        <source>wrong command line, or input that cannot be read</source>
        <translation>ligne de commande erronée, ou entrée illisible</translation>
    </message>
    <message>
        <source>not signed in, or the sign-in or the token was refused</source>
        <translation>pas connecté, ou connexion ou jeton refusés</translation>
    </message>
    <message>
        <source>not found (channel, user, message, invite)</source>
        <translation>introuvable (salon, utilisateur, message, invitation)</translation>
    </message>
    <message>
        <source>not allowed (e.g. an admin command as a member)</source>
        <translation>non autorisé (par ex. une commande d&apos;administration en tant que membre)</translation>
    </message>
    <message>
        <source>the server cannot be reached or did not answer in time</source>
        <translation>le serveur est injoignable ou n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (see login --trust-fingerprint)</source>
        <translation>le certificat du serveur n&apos;est pas approuvé (voir login --trust-fingerprint)</translation>
    </message>
    <message>
        <source>tail: the server no longer has the events after the state&apos;s seq</source>
        <translation>tail&#xa0;: le serveur n&apos;a plus les événements après le seq de l&apos;état</translation>
    </message>
    <message>
        <source>Run &quot;hubbub-cli help COMMAND&quot; for the arguments and options of a command.</source>
        <translation>Lancez «&#xa0;hubbub-cli help COMMANDE&#xa0;» pour les arguments et options d&apos;une commande.</translation>
    </message>
    <message>
        <source>One of the commands above.</source>
        <translation>Une des commandes ci-dessus.</translation>
    </message>
    <message>
        <source>COMMAND [ARGUMENTS]</source>
        <translation>COMMANDE [ARGUMENTS]</translation>
    </message>
    <message>
        <source>Exit codes: see &quot;hubbub-cli --help&quot;.</source>
        <translation>Codes de sortie&#xa0;: voir «&#xa0;hubbub-cli --help&#xa0;».</translation>
    </message>
    <message>
        <source>Commands of &quot;%1&quot;:</source>
        <translation>Commandes de «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Run &quot;hubbub-cli help %1 COMMAND&quot; for the arguments and options of one.</source>
        <translation>Lancez «&#xa0;hubbub-cli help %1 COMMANDE&#xa0;» pour les arguments et options de l&apos;une d&apos;elles.</translation>
    </message>
    <message>
        <source>hubbub-cli takes no password on the command line (it would show in process lists and the shell&apos;s history): type it at the prompt, or use HUBBUB_PASSWORD or --password-file FILE.</source>
        <translation>hubbub-cli ne prend pas de mot de passe sur la ligne de commande (il apparaîtrait dans la liste des processus et l&apos;historique du shell)&#xa0;: saisissez-le à l&apos;invite, ou utilisez HUBBUB_PASSWORD ou --password-file FICHIER.</translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot;. Run &quot;hubbub-cli --help&quot; for the list.</source>
        <translation>Il n&apos;y a pas de commande «&#xa0;%1&#xa0;». Lancez «&#xa0;hubbub-cli --help&#xa0;» pour la liste.</translation>
    </message>
    <message>
        <source>Wrong number of arguments. Usage: %1</source>
        <translation>Mauvais nombre d&apos;arguments. Usage&#xa0;: %1</translation>
    </message>
    <message>
        <source>--server needs a wss:// or ws:// address, e.g. wss://192.168.1.10:7300</source>
        <translation>--server attend une adresse wss:// ou ws://, par ex. wss://192.168.1.10:7300</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds from 1 to 3600.</source>
        <translation>--timeout attend un nombre entier de secondes de 1 à 3600.</translation>
    </message>
    <message>
        <source>The server, e.g. wss://192.168.1.10:7300 (default: the last one signed in to). A server with several addresses: all of them, separated by commas, tried in turn.</source>
        <translation>Le serveur, par ex. wss://192.168.1.10:7300 (par défaut&#xa0;: le dernier où vous vous êtes connecté). Un serveur à plusieurs adresses&#xa0;: toutes, séparées par des virgules, essayées tour à tour.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Commands</name>
    <message>
        <source>%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>%1 doit être un nombre entier de %2 à %3, pas «&#xa0;%4&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::ContentCommands</name>
    <message>
        <source>List the channels and your direct conversations.</source>
        <translation>Lister les salons et vos conversations privées.</translation>
    </message>
    <message>
        <source>Publish a post in the feed.</source>
        <translation>Publier dans le fil.</translation>
    </message>
    <message>
        <source>Example, from cron: df -h | hubbub-cli post &quot;Disk space on $(hostname)&quot; -</source>
        <translation>Exemple, depuis cron&#xa0;: df -h | hubbub-cli post &quot;Disk space on $(hostname)&quot; -</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITRE</translation>
    </message>
    <message>
        <source>The post&apos;s title.</source>
        <translation>Le titre de la publication.</translation>
    </message>
    <message>
        <source>[TEXT|-]</source>
        <translation>[TEXTE|-]</translation>
    </message>
    <message>
        <source>Its text (Markdown); &quot;-&quot; reads it from standard input.</source>
        <translation>Son texte (Markdown)&#xa0;; «&#xa0;-&#xa0;» le lit sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>Posted [%1] %2.</source>
        <translation>Publié [%1] %2.</translation>
    </message>
    <message>
        <source>Send a message to a channel or a person.</source>
        <translation>Envoyer un message dans un salon ou à quelqu&apos;un.</translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation>SALON</translation>
    </message>
    <message>
        <source>#name or name, a channel id, or @user for a direct conversation.</source>
        <translation>#nom ou nom, un identifiant de salon, ou @utilisateur pour une conversation privée.</translation>
    </message>
    <message>
        <source>TEXT|-</source>
        <translation>TEXTE|-</translation>
    </message>
    <message>
        <source>The message (Markdown); &quot;-&quot; reads it from standard input.</source>
        <translation>Le message (Markdown)&#xa0;; «&#xa0;-&#xa0;» le lit sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>Sent [%1] to %2.</source>
        <translation>Envoyé [%1] à %2.</translation>
    </message>
    <message>
        <source>Show the &lt;n&gt; newest messages (1 to 200, default 50).</source>
        <translation>Afficher les &lt;n&gt; messages les plus récents (de 1 à 200, 50 par défaut).</translation>
    </message>
    <message>
        <source>Only messages older than the message &lt;id&gt;: the next page back.</source>
        <translation>Seulement les messages antérieurs au message &lt;id&gt;&#xa0;: la page précédente.</translation>
    </message>
    <message>
        <source>Show the latest messages of a channel or conversation.</source>
        <translation>Afficher les derniers messages d&apos;un salon ou d&apos;une conversation.</translation>
    </message>
    <message>
        <source>No messages in %1.</source>
        <translation>Aucun message dans %1.</translation>
    </message>
    <message>
        <source>Older messages: --before %1</source>
        <translation>Messages plus anciens&#xa0;: --before %1</translation>
    </message>
    <message>
        <source>Search &lt;what&gt;: all (default), messages or posts.</source>
        <translation>Chercher dans &lt;what&gt;&#xa0;: all (par défaut), messages ou posts.</translation>
    </message>
    <message>
        <source>Only messages of &lt;channel&gt;.</source>
        <translation>Seulement les messages de &lt;channel&gt;.</translation>
    </message>
    <message>
        <source>At most &lt;n&gt; results (1 to 50, default 20).</source>
        <translation>Au plus &lt;n&gt; résultats (de 1 à 50, 20 par défaut).</translation>
    </message>
    <message>
        <source>Search messages and posts (on servers that can).</source>
        <translation>Chercher dans les messages et les publications (sur les serveurs qui le permettent).</translation>
    </message>
    <message>
        <source>All words must match, in any case and with or without accents; &quot;a phrase&quot; in quotes matches the words together; word* matches the beginning of words. The newest first.</source>
        <translation>Tous les mots doivent correspondre, quelle que soit la casse et avec ou sans accents&#xa0;; «&#xa0;une phrase&#xa0;» entre guillemets trouve les mots ensemble&#xa0;; mot* trouve le début des mots. Les plus récents d&apos;abord.</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>REQUÊTE</translation>
    </message>
    <message>
        <source>What to look for.</source>
        <translation>Ce qu’il faut chercher.</translation>
    </message>
    <message>
        <source>--in must be all, messages or posts.</source>
        <translation>--in doit valoir all, messages ou posts.</translation>
    </message>
    <message>
        <source>search</source>
        <translation>la recherche</translation>
    </message>
    <message>
        <source>post</source>
        <translation>publication</translation>
    </message>
    <message>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Rien trouvé.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::ExportCommand</name>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Impossible d’écrire sur la sortie standard.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n post(s) of the feed to %1.</source>
        <translation>
            <numerusform>%n publication du fil exportée dans %1.</numerusform>
            <numerusform>%n publications du fil exportées dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) of %1 to %2.</source>
        <translation>
            <numerusform>%n message de %1 exporté dans %2.</numerusform>
            <numerusform>%n messages de %1 exportés dans %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>json (default) or csv.</source>
        <translation>json (par défaut) ou csv.</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; (whole or not at all) instead of standard output.</source>
        <translation>Écrire dans &lt;file&gt; (en entier ou pas du tout) au lieu de la sortie standard.</translation>
    </message>
    <message>
        <source>Export all of a channel, a conversation or the feed.</source>
        <translation>Exporter tout un salon, une conversation ou le fil.</translation>
    </message>
    <message>
        <source>Oldest first. JSON: an array of the messages or posts as the server sends them. CSV (RFC 4180, UTF-8): messages have the columns id, channel_id, author_id, author, author_display_name, created_at, edited_at, reply_to, text, files; posts id, author_id, author, author_display_name, created_at, updated_at, title, content, rating_average, rating_count, image_id, files (file names, one per line).</source>
        <translation>Les plus anciens d&apos;abord. JSON&#xa0;: un tableau des messages ou publications tels que le serveur les envoie. CSV (RFC 4180, UTF-8)&#xa0;: les messages ont les colonnes id, channel_id, author_id, author, author_display_name, created_at, edited_at, reply_to, text, files&#xa0;; les publications id, author_id, author, author_display_name, created_at, updated_at, title, content, rating_average, rating_count, image_id, files (noms de fichiers, un par ligne).</translation>
    </message>
    <message>
        <source>CHANNEL|@user|feed</source>
        <translation>SALON|@utilisateur|feed</translation>
    </message>
    <message>
        <source>A channel (#name, name or id), the direct conversation with @user, or the feed.</source>
        <translation>Un salon (#nom, nom ou identifiant), la conversation privée avec @utilisateur, ou le fil.</translation>
    </message>
    <message>
        <source>--format must be json or csv.</source>
        <translation>--format doit valoir json ou csv.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Runner</name>
    <message>
        <source>%1 Sign in again: hubbub-cli login --user NAME</source>
        <translation>%1 Reconnectez-vous&#xa0;: hubbub-cli login --user NOM</translation>
    </message>
    <message>
        <source>You signed in with a one-time code and have not chosen a password yet. Sign in again: hubbub-cli login --user NAME</source>
        <translation>Vous vous êtes connecté avec un code à usage unique sans avoir encore choisi de mot de passe. Reconnectez-vous&#xa0;: hubbub-cli login --user NOM</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>Le certificat de %1 a changé.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Le certificat de %1 n&apos;est pas approuvé.</translation>
    </message>
    <message numerus="yes">
        <source>%1 Trying again in %n s.</source>
        <translation>
            <numerusform>%1 Nouvel essai dans %n s.</numerusform>
            <numerusform>%1 Nouvel essai dans %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in to %1. Sign in first: hubbub-cli login --user NAME</source>
        <translation>Pas connecté à %1. Connectez-vous d&apos;abord&#xa0;: hubbub-cli login --user NOM</translation>
    </message>
    <message>
        <source>The server at %1 cannot do this: %2 (it does not announce &quot;%3&quot;).</source>
        <translation>Le serveur %1 ne sait pas faire ceci&#xa0;: %2 (il n&apos;annonce pas «&#xa0;%3&#xa0;»).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has the SHA-256 fingerprint %1.</source>
        <translation>Le certificat du serveur a l&apos;empreinte SHA-256 %1.</translation>
    </message>
    <message>
        <source>The one trusted before was %1.</source>
        <translation>Celui approuvé auparavant était %1.</translation>
    </message>
    <message>
        <source>If hubbub-server printed this fingerprint, trust it with: hubbub-cli login --server %1 --trust-fingerprint %2 --user NAME</source>
        <translation>Si hubbub-server a affiché cette empreinte, approuvez-la avec&#xa0;: hubbub-cli login --server %1 --trust-fingerprint %2 --user NOM</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::TailCommand</name>
    <message>
        <source>Cannot read the state file %1: %2</source>
        <translation>Impossible de lire le fichier d&apos;état %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The state file %1 is not one hubbub-cli wrote; remove it, or give another one.</source>
        <translation>Le fichier d&apos;état %1 n&apos;a pas été écrit par hubbub-cli&#xa0;; supprimez-le ou indiquez-en un autre.</translation>
    </message>
    <message>
        <source>The state file %1 is for the server %2, not %3.</source>
        <translation>Le fichier d&apos;état %1 est celui du serveur %2, pas de %3.</translation>
    </message>
    <message>
        <source>Keep the seq of the last line printed in &lt;file&gt;, and start after it: a script restarted with the same file misses nothing and repeats nothing.</source>
        <translation>Garder dans &lt;file&gt; le seq de la dernière ligne affichée, et repartir après&#xa0;: un script relancé avec le même fichier ne manque rien et ne répète rien.</translation>
    </message>
    <message>
        <source>Start with the events after &lt;seq&gt; (over the state file&apos;s).</source>
        <translation>Commencer par les événements après &lt;seq&gt; (prime sur celui du fichier d&apos;état).</translation>
    </message>
    <message>
        <source>Follow the server&apos;s events as JSON lines.</source>
        <translation>Suivre les événements du serveur en lignes JSON.</translation>
    </message>
    <message>
        <source>The server no longer has all the events after the last one printed, or its database was replaced; its newest is %1. Start again without --since and the state file to follow from now.</source>
        <translation>Le serveur n&apos;a plus tous les événements après le dernier affiché, ou sa base de données a été remplacée&#xa0;; son plus récent est %1. Relancez sans --since ni fichier d&apos;état pour suivre à partir de maintenant.</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Impossible d’écrire sur la sortie standard.</translation>
    </message>
    <message>
        <source>Cannot write the state file %1: %2</source>
        <translation>Impossible d&apos;écrire le fichier d&apos;état %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>One line per event, flushed at once: {&quot;seq&quot;:N,&quot;type&quot;:&quot;message.created&quot;,&quot;data&quot;:{…}}, the data as docs/protocol.md describes each event. Without --since or a state file it starts with the events from now on. A lost connection is retried (the server&apos;s next address at once, if --server gives several; then with backoff) and caught up with sync, so no event is missed or repeated. Runs until SIGINT or SIGTERM (exit 0) or until the server refuses the token (3). Events of direct conversations of others are not shown (their seq is skipped). Example: hubbub-cli tail --state ~/.hubbub-tail | jq -r &apos;select(.type==&quot;post.created&quot;) | .data.post.title&apos;</source>
        <translation>Une ligne par événement, écrite aussitôt&#xa0;: {&quot;seq&quot;:N,&quot;type&quot;:&quot;message.created&quot;,&quot;data&quot;:{…}}, les données telles que docs/protocol.md décrit chaque événement. Sans --since ni fichier d&apos;état, il commence par les événements à partir de maintenant. Une connexion perdue est réessayée (d&apos;abord aussitôt à l&apos;adresse suivante du serveur, si --server en donne plusieurs&#xa0;; puis avec un délai croissant) puis rattrapée avec sync&#xa0;: aucun événement n&apos;est manqué ni répété. Tourne jusqu&apos;à SIGINT ou SIGTERM (sortie 0) ou jusqu&apos;à ce que le serveur refuse le jeton (3). Les événements des conversations privées des autres ne sont pas affichés (leur seq est sauté). Exemple&#xa0;: hubbub-cli tail --state ~/.hubbub-tail | jq -r &apos;select(.type==&quot;post.created&quot;) | .data.post.title&apos;</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Targets</name>
    <message>
        <source>direct conversations</source>
        <translation>les conversations privées</translation>
    </message>
    <message>
        <source>There is no user named %1.</source>
        <translation>Il n&apos;y a pas d&apos;utilisateur nommé %1.</translation>
    </message>
    <message>
        <source>A direct conversation needs someone other than you.</source>
        <translation>Une conversation privée demande quelqu&apos;un d&apos;autre que vous.</translation>
    </message>
    <message>
        <source>You have no direct conversation with %1.</source>
        <translation>Vous n&apos;avez pas de conversation privée avec %1.</translation>
    </message>
    <message>
        <source>No channel named.</source>
        <translation>Aucun salon indiqué.</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>conversation %1</translation>
    </message>
    <message>
        <source>There is no channel #%1.</source>
        <translation>Il n&apos;y a pas de salon #%1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Terminal</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Standard input is not UTF-8 text.</source>
        <translation>L&apos;entrée standard n&apos;est pas du texte UTF-8.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 n&apos;est pas du texte UTF-8.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AccountDialog</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Sign out &amp;device</source>
        <translation>Déconnecter l&apos;&amp;appareil</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere…</source>
        <translation>Se déconnecter &amp;partout…</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Votre compte</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Connecté en tant que %1 sur %2</translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation>Appareils connectés</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté le</translation>
    </message>
    <message>
        <source>End the sign-in of the selected device; it will ask for the password again.</source>
        <translation>Met fin à la connexion de l&apos;appareil choisi&#xa0;; il redemandera le mot de passe.</translation>
    </message>
    <message>
        <source>End every sign-in of your account, this one too.</source>
        <translation>Met fin à toutes les connexions de votre compte, celle-ci comprise.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Changing it signs out your other devices.</source>
        <translation>Le changer déconnecte vos autres appareils.</translation>
    </message>
    <message>
        <source>Hubbub is offline; the list of devices shows when it is back.</source>
        <translation>Hubbub est hors ligne&#xa0;; la liste des appareils s’affichera à son retour.</translation>
    </message>
    <message>
        <source>Unknown app</source>
        <translation>Application inconnue</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>En ligne</translation>
    </message>
    <message numerus="yes">
        <source>Your password is changed. %n other device(s) were signed out.</source>
        <translation>
            <numerusform>Votre mot de passe est changé. %n autre appareil a été déconnecté.</numerusform>
            <numerusform>Votre mot de passe est changé. %n autres appareils ont été déconnectés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device is signed out.</source>
        <translation>L&apos;appareil est déconnecté.</translation>
    </message>
    <message>
        <source>Sign out everywhere?</source>
        <translation>Se déconnecter partout&#xa0;?</translation>
    </message>
    <message>
        <source>Every device signed in to your account will be signed out, this one too. You will need your password to sign in again.</source>
        <translation>Tous les appareils connectés à votre compte seront déconnectés, celui-ci compris. Il vous faudra votre mot de passe pour vous reconnecter.</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Se déconnecter partout</translation>
    </message>
    <message>
        <source>%1 — Hubbub %2 on %3</source>
        <translation>%1 — Hubbub %2 sur %3</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>%1 — Hubbub command line %2 on %3</source>
        <translation>%1 — Hubbub en ligne de commande %2 sur %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AdminDialog</name>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Arrivé le</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créée par</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>&amp;New invite</source>
        <translation>&amp;Nouvelle invitation</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Load &amp;older</source>
        <translation>Charger les plus &amp;anciens</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personnes</translation>
    </message>
    <message>
        <source>An invite code lets one person create an account while the server takes new accounts by invitation only. It works once, until it expires.</source>
        <translation>Un code d&apos;invitation permet à une personne de créer un compte quand le serveur n&apos;accepte de nouveaux comptes que sur invitation. Il sert une seule fois, jusqu&apos;à son expiration.</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Valable</translation>
    </message>
    <message numerus="yes">
        <source>Valid for %n day(s)</source>
        <translation>
            <numerusform>Valable %n jour</numerusform>
            <numerusform>Valable %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Invites</source>
        <translation>&amp;Invitations</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Make an admin?</source>
        <translation>Nommer administrateur&#xa0;?</translation>
    </message>
    <message>
        <source>%1 will be able to edit and delete anything, and to run this window.</source>
        <translation>%1 pourra modifier et supprimer tout contenu, et utiliser cette fenêtre.</translation>
    </message>
    <message>
        <source>Disable this account?</source>
        <translation>Désactiver ce compte&#xa0;?</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere at once and cannot sign in until an admin enables the account again. Their posts and messages stay.</source>
        <translation>%1 est aussitôt déconnecté partout et ne peut plus se connecter jusqu&apos;à ce qu&apos;un administrateur réactive le compte. Ses publications et messages restent.</translation>
    </message>
    <message>
        <source>Reset the password?</source>
        <translation>Réinitialiser le mot de passe&#xa0;?</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere and signs in once with a code you give them, then chooses a new password. Their old password stops working.</source>
        <translation>%1 est déconnecté partout, se connecte une fois avec un code que vous lui donnez, puis choisit un nouveau mot de passe. L&apos;ancien ne fonctionne plus.</translation>
    </message>
    <message>
        <source>Make &amp;member</source>
        <translation>Rendre &amp;membre</translation>
    </message>
    <message>
        <source>Make &amp;admin</source>
        <translation>Nommer &amp;administrateur</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Réactiver</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Mot de passe réinitialisé</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>%1 is now an admin.</source>
        <translation>%1 est maintenant administrateur.</translation>
    </message>
    <message>
        <source>%1 is now a member.</source>
        <translation>%1 est maintenant membre.</translation>
    </message>
    <message>
        <source>%1 is disabled and signed out everywhere.</source>
        <translation>%1 est désactivé et déconnecté partout.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Code à usage unique</translation>
    </message>
    <message>
        <source>Give this code to %1 in person or another safe way. They sign in with it instead of a password, once, until %2, and then choose a new password.</source>
        <translation>Donnez ce code à %1 en personne ou par un autre moyen sûr. Il s&apos;en sert à la place du mot de passe, une seule fois, jusqu&apos;au %2, puis choisit un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>Utilisée par %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>New invite</source>
        <translation>Nouvelle invitation</translation>
    </message>
    <message>
        <source>Give this code to the person you invite. They type it under &quot;Create account&quot; when signing in, once, until %1. It is not shown again.</source>
        <translation>Donnez ce code à la personne que vous invitez. Elle le saisit sous «&#xa0;Créer un compte&#xa0;» en se connectant, une seule fois, jusqu&apos;au %1. Il ne sera plus affiché.</translation>
    </message>
    <message>
        <source>The invite is withdrawn; its code no longer works.</source>
        <translation>L&apos;invitation est retirée&#xa0;; son code ne fonctionne plus.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>The server&apos;s operator</source>
        <translation>L&apos;exploitant du serveur</translation>
    </message>
    <message>
        <source>%1 made %2 an admin</source>
        <translation>%1 a nommé %2 administrateur</translation>
    </message>
    <message>
        <source>%1 made %2 a member</source>
        <translation>%1 a rendu %2 membre</translation>
    </message>
    <message>
        <source>%1 disabled the account of %2</source>
        <translation>%1 a désactivé le compte de %2</translation>
    </message>
    <message>
        <source>%1 enabled the account of %2</source>
        <translation>%1 a réactivé le compte de %2</translation>
    </message>
    <message>
        <source>%1 reset the password of %2</source>
        <translation>%1 a réinitialisé le mot de passe de %2</translation>
    </message>
    <message>
        <source>%1 created an invite valid until %2</source>
        <translation>%1 a créé une invitation valable jusqu&apos;au %2</translation>
    </message>
    <message>
        <source>%1 withdrew an invite</source>
        <translation>%1 a retiré une invitation</translation>
    </message>
    <message>
        <source>%1 edited a post by %2</source>
        <translation>%1 a modifié une publication de %2</translation>
    </message>
    <message>
        <source>%1 deleted a post by %2</source>
        <translation>%1 a supprimé une publication de %2</translation>
    </message>
    <message>
        <source>%1 edited a message by %2</source>
        <translation>%1 a modifié un message de %2</translation>
    </message>
    <message>
        <source>%1 deleted a message by %2</source>
        <translation>%1 a supprimé un message de %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AppController</name>
    <message>
        <source>No keychain service runs on this computer, so Hubbub keeps your sign-in in a file only you can read:
%1</source>
        <translation>Aucun trousseau ne fonctionne sur cet ordinateur&#xa0;: Hubbub garde donc votre connexion dans un fichier que vous seul pouvez lire&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Where your sign-in is kept</source>
        <translation>Où votre connexion est gardée</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AttachmentBar</name>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>Attach files (up to 100 MiB each)</source>
        <translation>Joindre des fichiers (100 Mio au plus chacun)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>Waiting for the connection…</source>
        <translation>En attente de la connexion…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Retirer ce fichier</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AttachmentLines</name>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::CertificateDialog</name>
    <message>
        <source>Certificate changed</source>
        <translation>Certificat modifié</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Faire confiance à ce serveur&#xa0;?</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you trusted before. Someone may be listening in on your connection, or the server has been given a new certificate. Ask the server&apos;s admin before you go on.</source>
        <translation>Le certificat de %1 n&apos;est pas celui auquel vous avez fait confiance. Quelqu&apos;un écoute peut-être votre connexion, ou le serveur a reçu un nouveau certificat. Demandez à l&apos;administrateur du serveur avant de continuer.</translation>
    </message>
    <message>
        <source>Trusted before (SHA-256):</source>
        <translation>Approuvé auparavant (SHA-256)&#xa0;:</translation>
    </message>
    <message>
        <source>Offered now (SHA-256):</source>
        <translation>Présenté maintenant (SHA-256)&#xa0;:</translation>
    </message>
    <message>
        <source>%1 has a certificate that no authority known to this computer has signed. A Hubbub server on your own network usually makes its own, so this is expected the first time.</source>
        <translation>%1 a un certificat qu&apos;aucune autorité connue de cet ordinateur n&apos;a signé. Un serveur Hubbub de votre réseau crée d&apos;habitude le sien, c&apos;est donc normal la première fois.</translation>
    </message>
    <message>
        <source>Check that its fingerprint is the one the server shows (its admin can read it out to you):</source>
        <translation>Vérifiez que son empreinte est bien celle qu&apos;affiche le serveur (son administrateur peut vous la lire)&#xa0;:</translation>
    </message>
    <message>
        <source>Once trusted, Hubbub connects without asking, and warns you if the certificate ever changes.</source>
        <translation>Une fois approuvé, Hubbub se connecte sans demander, et vous avertit si le certificat change un jour.</translation>
    </message>
    <message>
        <source>It is also the fingerprint this server announces on your network. Anyone on the network could announce one, so compare it all the same.</source>
        <translation>C&apos;est aussi l&apos;empreinte que ce serveur annonce sur votre réseau. N&apos;importe qui sur le réseau pourrait en annoncer une&#xa0;: comparez-la quand même.</translation>
    </message>
    <message>
        <source>Careful: the server found on your network announced another fingerprint.</source>
        <translation>Attention&#xa0;: le serveur trouvé sur votre réseau a annoncé une autre empreinte.</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Approuver le nouveau certificat</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Approuver et se connecter</translation>
    </message>
    <message>
        <source>I have checked the new fingerprint with the server&apos;s admin</source>
        <translation>J&apos;ai vérifié la nouvelle empreinte avec l&apos;administrateur du serveur</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatModel</name>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1&#xa0;: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 joined</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 a rejoint la discussion</numerusform>
            <numerusform>%1 ont rejoint la discussion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 a quitté la discussion</numerusform>
            <numerusform>%1 ont quitté la discussion</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Saisie en cours</translation>
    </message>
    <message>
        <source>Editing message — Esc to cancel</source>
        <translation>Modification du message — Échap pour annuler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source># %1</source>
        <translation># %1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Écrire dans #%1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Messages in #%1</source>
        <translation>Messages dans #%1</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 est en train d&apos;écrire…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 sont en train d&apos;écrire…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d&apos;écrire…</translation>
    </message>
    <message>
        <source>%1 over the limit</source>
        <translation>%1 de trop</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 restants</translation>
    </message>
    <message>
        <source>A message has at most %1 characters.</source>
        <translation>Un message compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Actions sur le message</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Ne pas envoyer</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>No messages yet. Write the first one below.</source>
        <translation>Aucun message pour l&apos;instant. Écrivez le premier ci-dessous.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Chargement des messages…</translation>
    </message>
    <message>
        <source>Connecting… The messages have not loaded yet.</source>
        <translation>Connexion… Les messages ne sont pas encore chargés.</translation>
    </message>
    <message>
        <source>Offline: the messages have not loaded yet. They will show as soon as the server answers.</source>
        <translation>Hors ligne : les messages ne sont pas encore chargés. Ils s’afficheront dès que le serveur répondra.</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>Supprimer ce message&#xa0;?</translation>
    </message>
    <message>
        <source>“%1” will be deleted for everyone.</source>
        <translation>«&#xa0;%1&#xa0;» sera supprimé pour tout le monde.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Écrire à %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>Ajouter une réaction…</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Composer</name>
    <message>
        <source>%1 is too large (%2); images may be at most %3.</source>
        <translation>%1 est trop volumineux (%2)&#xa0;; les images ne doivent pas dépasser %3.</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>%1 n&apos;est pas une image PNG, JPEG, GIF ou WebP.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is too large; images may be at most %2.</source>
        <translation>%1 est trop volumineux&#xa0;; les images ne doivent pas dépasser %2.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Attach image…</source>
        <translation>Joindre une image…</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Post title</source>
        <translation>Titre de la publication</translation>
    </message>
    <message>
        <source>What&apos;s new? (Ctrl+Enter posts)</source>
        <translation>Quoi de neuf&#xa0;? (Ctrl+Entrée pour publier)</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Texte de la publication</translation>
    </message>
    <message>
        <source>Attach image</source>
        <translation>Joindre une image</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>Retirer l&apos;image</translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter)</source>
        <translation>Publier (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Replace image…</source>
        <translation>Remplacer l&apos;image…</translation>
    </message>
    <message>
        <source>Title %1/%2</source>
        <translation>Titre %1/%2</translation>
    </message>
    <message>
        <source>Text %1/%2</source>
        <translation>Texte %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>Le texte dépasse de %n caractère.</numerusform>
            <numerusform>Le texte dépasse de %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the post a title first.</source>
        <translation>Donnez d’abord un titre à la publication.</translation>
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
        <translation>Le serveur %1 utilise une autre version du protocole.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Can&apos;t reach server at %1.</source>
        <translation>Impossible de joindre le serveur %1.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s. Check the address, and that a Hubbub server runs there.</source>
        <translation>%1 n’a pas répondu en %2 s. Vérifiez l’adresse, et qu’un serveur Hubbub y tourne.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>Le certificat de %1 a changé.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted yet.</source>
        <translation>Le certificat de %1 n&apos;est pas encore approuvé.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 is not the one you trusted.</source>
        <translation>Non connecté&#xa0;: le certificat de %1 n&apos;est pas celui que vous avez approuvé.</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>Non connecté&#xa0;: vous n&apos;avez pas approuvé le certificat de %1.</translation>
    </message>
    <message>
        <source>%1 presented no certificate.</source>
        <translation>%1 n&apos;a présenté aucun certificat.</translation>
    </message>
    <message>
        <source>An admin has disabled your account. Ask an admin to enable it again.</source>
        <translation>Un administrateur a désactivé votre compte. Demandez à un administrateur de le réactiver.</translation>
    </message>
    <message>
        <source>This device was signed out, from another device or because the password changed. Sign in again.</source>
        <translation>Cet appareil a été déconnecté, depuis un autre appareil ou parce que le mot de passe a changé. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>An admin has reset your password. Sign in with the one-time code they give you.</source>
        <translation>Un administrateur a réinitialisé votre mot de passe. Connectez-vous avec le code à usage unique qu&apos;il vous donne.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ConnectionStatus</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Modifications pas encore envoyées</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 as %2 · %n online</source>
        <translation>
            <numerusform>Connecté à %1 en tant que %2 · %n en ligne</numerusform>
            <numerusform>Connecté à %1 en tant que %2 · %n en ligne</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Catching up with %1…</source>
        <translation>Synchronisation avec %1…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconnexion dans %n s…</numerusform>
            <numerusform>Reconnexion dans %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) will be sent when the connection is back</source>
        <translation>
            <numerusform>Hors ligne — %n modification sera envoyée au retour de la connexion</numerusform>
            <numerusform>Hors ligne — %n modifications seront envoyées au retour de la connexion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n change(s)…</source>
        <translation>
            <numerusform>Envoi de %n modification…</numerusform>
            <numerusform>Envoi de %n modifications…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent</source>
        <translation>
            <numerusform>%n modification n&apos;a pas pu être envoyée</numerusform>
            <numerusform>%n modifications n&apos;ont pas pu être envoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>This server&apos;s addresses, tried in turn: %1</source>
        <translation>Adresses de ce serveur, essayées tour à tour&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Downloads</name>
    <message>
        <source>“%1” cannot be written.</source>
        <translation>Impossible d’écrire « %1 ».</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::DownloadsBar</name>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Téléchargement de %1…</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <source>%1 was not downloaded: %2</source>
        <translation>%1 n’a pas été téléchargé : %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::EditHistoryDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>Versions, oldest first</source>
        <translation>Versions, de la plus ancienne à la plus récente</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s), oldest first</source>
        <translation>
            <numerusform>%n version, de la plus ancienne à la plus récente</numerusform>
            <numerusform>%n versions, de la plus ancienne à la plus récente</numerusform>
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
        <translation>Le serveur n&apos;a pas compris cette demande. Une version plus récente de Hubbub peut aider.</translation>
    </message>
    <message>
        <source>Choose from %1 to %2 stars.</source>
        <translation>Choisissez de %1 à %2 étoiles.</translation>
    </message>
    <message>
        <source>The server refused a value in this request as not valid.</source>
        <translation>Le serveur a refusé une valeur non valide dans cette demande.</translation>
    </message>
    <message>
        <source>A post needs a title.</source>
        <translation>Une publication doit avoir un titre.</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Un message ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>Un nom d&apos;utilisateur compte de %1 à %2 lettres, chiffres, «&#xa0;_&#xa0;», «&#xa0;.&#xa0;» ou «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Choisissez un mot de passe d&apos;au moins %1 caractères.</translation>
    </message>
    <message>
        <source>A channel name has %1 to %2 characters and no line breaks.</source>
        <translation>Un nom de salon compte de %1 à %2 caractères, sans saut de ligne.</translation>
    </message>
    <message>
        <source>The attached image is not valid. Attach it again.</source>
        <translation>L&apos;image jointe n&apos;est pas valide. Joignez-la de nouveau.</translation>
    </message>
    <message>
        <source>This image cannot be read. Use a PNG, JPEG, GIF or WebP file.</source>
        <translation>Impossible de lire cette image. Utilisez un fichier PNG, JPEG, GIF ou WebP.</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation>Vous n&apos;êtes pas connecté. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>Only its author or an admin may change this.</source>
        <translation>Seul son auteur ou un administrateur peut modifier ceci.</translation>
    </message>
    <message>
        <source>This server does not accept new accounts. Ask its admin for one.</source>
        <translation>Ce serveur n&apos;accepte pas de nouveaux comptes. Demandez-en un à son administrateur.</translation>
    </message>
    <message>
        <source>This no longer exists on the server.</source>
        <translation>Cet élément n&apos;existe plus sur le serveur.</translation>
    </message>
    <message>
        <source>This post no longer exists.</source>
        <translation>Cette publication n&apos;existe plus.</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>Ce message n&apos;existe plus.</translation>
    </message>
    <message>
        <source>This channel no longer exists.</source>
        <translation>Ce salon n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The image is no longer on the server. Attach it again.</source>
        <translation>L&apos;image n&apos;est plus sur le serveur. Joignez-la de nouveau.</translation>
    </message>
    <message>
        <source>This name is already taken.</source>
        <translation>Ce nom est déjà pris.</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>Ce nom d&apos;utilisateur est déjà pris.</translation>
    </message>
    <message>
        <source>A channel with this name already exists.</source>
        <translation>Un salon porte déjà ce nom.</translation>
    </message>
    <message>
        <source>This is too large for the server.</source>
        <translation>C&apos;est trop volumineux pour le serveur.</translation>
    </message>
    <message>
        <source>A title has at most %1 characters.</source>
        <translation>Un titre compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>A post has at most %1 characters.</source>
        <translation>Une publication compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>A message has at most %1 characters.</source>
        <translation>Un message compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>A review comment has at most %1 characters.</source>
        <translation>Un commentaire d&apos;avis compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>Un mot de passe compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>A topic has at most %1 characters.</source>
        <translation>Un sujet compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>This image is too large: at most %1 MiB and %2 × %2 pixels.</source>
        <translation>Cette image est trop grande&#xa0;: au plus %1 Mio et %2 × %2 pixels.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de demandes. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de demandes. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts to sign in. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives de connexion. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives de connexion. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hubbub was away too long to catch up and loads everything again.</source>
        <translation>Hubbub a été déconnecté trop longtemps pour rattraper son retard et recharge tout.</translation>
    </message>
    <message>
        <source>This server speaks a different protocol version. Update Hubbub or the server.</source>
        <translation>Ce serveur utilise une autre version du protocole. Mettez à jour Hubbub ou le serveur.</translation>
    </message>
    <message>
        <source>The server ran into a problem and did not do this. Try again later.</source>
        <translation>Le serveur a rencontré un problème et n&apos;a rien fait. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server refused this (%1).</source>
        <translation>Le serveur a refusé cette demande (%1).</translation>
    </message>
    <message>
        <source>Too many requests. Try again in a moment.</source>
        <translation>Trop de demandes. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Type a word or a phrase to search for.</source>
        <translation>Tapez un mot ou une expression à rechercher.</translation>
    </message>
    <message>
        <source>A search has at most %1 characters and %2 words.</source>
        <translation>Une recherche compte au plus %1 caractères et %2 mots.</translation>
    </message>
    <message>
        <source>Your session has expired or was signed out. Please sign in again.</source>
        <translation>Votre session a expiré ou a été fermée. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Le mot de passe actuel n&apos;est pas le bon.</translation>
    </message>
    <message>
        <source>This one-time code has expired. Ask an admin for a new one.</source>
        <translation>Ce code à usage unique a expiré. Demandez-en un nouveau à un administrateur.</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation. Type a valid invite code from an admin: each code works once, until it expires.</source>
        <translation>Ce serveur n&apos;accepte de nouveaux comptes que sur invitation. Saisissez un code d&apos;invitation valable donné par un administrateur&#xa0;: chaque code sert une fois, jusqu&apos;à son expiration.</translation>
    </message>
    <message>
        <source>This account has been disabled. Ask an admin.</source>
        <translation>Ce compte a été désactivé. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>You cannot do this to your own account. Ask another admin.</source>
        <translation>Vous ne pouvez pas faire cela sur votre propre compte. Demandez à un autre administrateur.</translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Seul un administrateur peut faire cela.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>Ce compte n&apos;existe plus.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::EventRouter</name>
    <message>
        <source>New post by %1</source>
        <translation>Nouvelle publication de %1</translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 dans #%2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::FeedModel</name>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 par %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::FeedView</name>
    <message>
        <source>No posts yet. Write the first one above.</source>
        <translation>Aucune publication pour l&apos;instant. Écrivez la première ci-dessus.</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Supprimer la publication</translation>
    </message>
    <message>
        <source>Delete this post?</source>
        <translation>Supprimer cette publication&#xa0;?</translation>
    </message>
    <message>
        <source>“%1” and its reviews will be deleted for everyone.</source>
        <translation>«&#xa0;%1&#xa0;» et ses avis seront supprimés pour tout le monde.</translation>
    </message>
    <message>
        <source>“%1” has not been sent yet; it will not be.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas encore été envoyée et ne le sera pas.</translation>
    </message>
    <message>
        <source>Nothing to do while this post is being deleted</source>
        <translation>Aucune action possible pendant la suppression de cette publication</translation>
    </message>
    <message>
        <source>Loading posts…</source>
        <translation>Chargement des publications…</translation>
    </message>
    <message>
        <source>Connecting… The posts have not loaded yet.</source>
        <translation>Connexion… Les publications ne sont pas encore chargées.</translation>
    </message>
    <message>
        <source>Offline: the posts have not loaded yet. They will show as soon as the server answers.</source>
        <translation>Hors ligne : les publications ne sont pas encore chargées. Elles s’afficheront dès que le serveur répondra.</translation>
    </message>
    <message>
        <source>Posts, newest first. Enter reviews the current post, Space shows all of a long one; the menu key shows everything a post offers.</source>
        <translation>Publications, les plus récentes d&apos;abord. Entrée donne un avis sur la publication sélectionnée, Espace affiche en entier une publication longue&#xa0;; la touche Menu affiche toutes ses actions.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>Ajouter une réaction…</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageCache</name>
    <message>
        <source>The image could not be shown.</source>
        <translation>Impossible d&apos;afficher l&apos;image.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Image of %1</source>
        <translation>Image de %1</translation>
    </message>
    <message>
        <source>The image could not be loaded: %1</source>
        <translation>Impossible de charger l&apos;image&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Chargement de l&apos;image…</translation>
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
        <translation>Changer de nom d&apos;&amp;utilisateur…</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>&amp;Notifications du bureau</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;ffichage</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>New &amp;channel…</source>
        <translation>Nouveau &amp;salon…</translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation>&amp;Reconnecter maintenant</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Hubbub</source>
        <translation>À &amp;propos de Hubbub</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Change username</source>
        <translation>Changer de nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>New username (%1–%2 letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;):</source>
        <translation>Nouveau nom d&apos;utilisateur (%1 à %2 lettres, chiffres, «&#xa0;_&#xa0;», «&#xa0;.&#xa0;», «&#xa0;-&#xa0;»)&#xa0;:</translation>
    </message>
    <message>
        <source>You are now %1.</source>
        <translation>Vous vous appelez maintenant %1.</translation>
    </message>
    <message>
        <source>About Hubbub</source>
        <translation>À propos de Hubbub</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hubbub %1&lt;/b&gt;&lt;p&gt;A self-hosted feed and chat for your local network.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hubbub %1&lt;/b&gt;&lt;p&gt;Un fil d&apos;actualité et une messagerie auto-hébergés pour votre réseau local.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>S&amp;witch server or account…</source>
        <translation>Changer de &amp;serveur ou de compte…</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>Impossible de démarrer la conversation : %1</translation>
    </message>
    <message>
        <source>Edit &amp;profile…</source>
        <translation>Modifier le &amp;profil…</translation>
    </message>
    <message>
        <source>Your profile is saved.</source>
        <translation>Votre profil est enregistré.</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Account and devices…</source>
        <translation>&amp;Compte et appareils…</translation>
    </message>
    <message>
        <source>Ad&amp;ministration…</source>
        <translation>Ad&amp;ministration…</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MentionCompleter</name>
    <message>
        <source>Mention someone</source>
        <translation>Mentionner quelqu&apos;un</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MessageDelegate</name>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Go to the original message</source>
        <translation>Aller au message d&apos;origine</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::NewChannelDialog</name>
    <message>
        <source>New channel</source>
        <translation>Nouveau salon</translation>
    </message>
    <message>
        <source>e.g. general</source>
        <translation>p. ex. général</translation>
    </message>
    <message>
        <source>What is it about? (optional)</source>
        <translation>De quoi parle-t-il&#xa0;? (facultatif)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Sujet&#xa0;:</translation>
    </message>
    <message>
        <source>A channel needs a name.</source>
        <translation>Un salon doit avoir un nom.</translation>
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
            <numerusform>Hubbub — %n non lu</numerusform>
            <numerusform>Hubbub — %n non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::OfflineBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message numerus="yes">
        <source>Offline. Retrying in %n s</source>
        <translation>
            <numerusform>Hors ligne. Nouvel essai dans %n s</numerusform>
            <numerusform>Hors ligne. Nouvel essai dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline. Connecting…</source>
        <translation>Hors ligne. Connexion…</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Hors ligne&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose your new password to go on.</source>
        <translation>Choisissez votre nouveau mot de passe pour continuer.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Outbox</name>
    <message>
        <source>The saved outbox %1 is damaged: %2</source>
        <translation>La boîte d&apos;envoi enregistrée %1 est endommagée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Your edit to “%1” was not saved: the post was deleted.</source>
        <translation>Votre modification de «&#xa0;%1&#xa0;» n’a pas été enregistrée&#xa0;: la publication a été supprimée.</translation>
    </message>
    <message>
        <source>Your review of “%1” was not saved: the post was deleted.</source>
        <translation>Votre avis sur «&#xa0;%1&#xa0;» n’a pas été enregistré&#xa0;: la publication a été supprimée.</translation>
    </message>
    <message>
        <source>Your edit to “%1” was not saved: the message was deleted.</source>
        <translation>Votre modification de «&#xa0;%1&#xa0;» n’a pas été enregistrée&#xa0;: le message a été supprimé.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PasswordDialog</name>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Confirmer le nouveau mot de passe</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Your other devices will be signed out. This one stays signed in.</source>
        <translation>Vos autres appareils seront déconnectés. Celui-ci reste connecté.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Mot de passe &amp;actuel&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Changer le mot de passe</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Choisissez un nouveau mot de passe</translation>
    </message>
    <message>
        <source>You signed in with a one-time code from an admin. Choose your own password to go on; the code no longer works.</source>
        <translation>Vous vous êtes connecté avec un code à usage unique d&apos;un administrateur. Choisissez votre propre mot de passe pour continuer&#xa0;; le code ne fonctionne plus.</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>&amp;Enregistrer le mot de passe</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Au moins %1 caractères</translation>
    </message>
    <message>
        <source>Type the new password again</source>
        <translation>Saisissez de nouveau le nouveau mot de passe</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>Con&amp;firmer&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Choisissez un mot de passe d’au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password in both fields.</source>
        <translation>Les deux nouveaux mots de passe diffèrent. Saisissez le même dans les deux champs.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>Le nouveau mot de passe est le même que l’actuel.</translation>
    </message>
    <message>
        <source>The server did not answer, so the new password may not have been saved. Try again when Hubbub is back online.</source>
        <translation>Le serveur n&apos;a pas répondu&#xa0;: le nouveau mot de passe n&apos;a peut-être pas été enregistré. Réessayez quand Hubbub sera de nouveau en ligne.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostDelegate</name>
    <message>
        <source>Review…</source>
        <translation>Donner un avis…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Ouvrir l&apos;image</translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>Aucun avis pour l&apos;instant</translation>
    </message>
    <message>
        <source>★ %1 (%2)</source>
        <translation>★ %1 (%2)</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Chargement de l&apos;image…</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>Image indisponible</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Modifié le %1</translation>
    </message>
    <message>
        <source>Edited; not saved yet</source>
        <translation>Modifié&#xa0;; pas encore enregistré</translation>
    </message>
    <message>
        <source>Click to open the image</source>
        <translation>Cliquez pour ouvrir l&apos;image</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Afficher plus</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Afficher moins</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostEditDialog</name>
    <message>
        <source>Keep the image</source>
        <translation>Garder l&apos;image</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Aucune image</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>Retirer l&apos;image</translation>
    </message>
    <message>
        <source>Replace the image:</source>
        <translation>Remplacer l&apos;image&#xa0;:</translation>
    </message>
    <message>
        <source>Add an image:</source>
        <translation>Ajouter une image&#xa0;:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Edit post</source>
        <translation>Modifier la publication</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation>Choisir un fichier image</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Choisir une image</translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>Le texte dépasse de %n caractère.</numerusform>
            <numerusform>Le texte dépasse de %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>A post needs a title.</source>
        <translation>Une publication doit avoir un titre.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ProfileCard</name>
    <message>
        <source>Message</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation>Modifier le profil…</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ProfileDialog</name>
    <message>
        <source>Choose picture…</source>
        <translation>Choisir une photo…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Nom affiché&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReactionPicker</name>
    <message>
        <source>Add reaction</source>
        <translation>Ajouter une réaction</translation>
    </message>
    <message>
        <source>Any emoji, then Enter</source>
        <translation>Un emoji, puis Entrée</translation>
    </message>
    <message>
        <source>Other reaction</source>
        <translation>Autre réaction</translation>
    </message>
    <message>
        <source>A reaction is an emoji or a symbol, not a word.</source>
        <translation>Une réaction est un emoji ou un symbole, pas un mot.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Reactions</name>
    <message numerus="yes">
        <source>%n other(s)</source>
        <comment>who reacted</comment>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReadState</name>
    <message>
        <source>The notification setting was not saved: %1</source>
        <translation>Le réglage des notifications n’a pas été enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Reply</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>La connexion au serveur a été perdue.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReplyBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Annuler la réponse</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>Annuler la réponse (Échap)</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Réponse à %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReplyDecorations</name>
    <message>
        <source>Message deleted</source>
        <translation>Message supprimé</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 a réagi avec %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReviewDialog</name>
    <message>
        <source>Review “%1”</source>
        <translation>Donner un avis sur «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Click a star, or use the arrow keys or 1–5</source>
        <translation>Cliquez sur une étoile, ou utilisez les flèches ou les touches 1 à 5</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Commentaire (facultatif)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>Publier l&apos;avis</translation>
    </message>
    <message>
        <source>Your rating:</source>
        <translation>Votre note&#xa0;:</translation>
    </message>
    <message>
        <source>Reviews so far:</source>
        <translation>Avis déjà publiés&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n of 5 stars</source>
        <translation>
            <numerusform>%n étoile sur 5</numerusform>
            <numerusform>%n étoiles sur 5</numerusform>
        </translation>
    </message>
    <message>
        <source>No rating chosen</source>
        <translation>Aucune note choisie</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Loading reviews…</source>
        <translation>Chargement des avis…</translation>
    </message>
    <message>
        <source>The reviews could not be loaded: %1</source>
        <translation>Impossible de charger les avis&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 gave %n star(s): %2</source>
        <translation>
            <numerusform>%1 a donné %n étoile&#xa0;: %2</numerusform>
            <numerusform>%1 a donné %n étoiles&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Aucun avis pour l&apos;instant.</translation>
    </message>
    <message>
        <source>You have reviewed this post (%1). Sending changes your review; it still counts once.</source>
        <translation>Vous avez déjà donné votre avis sur cette publication (%1). L&apos;envoyer le modifie&#xa0;; il ne compte toujours qu&apos;une fois.</translation>
    </message>
    <message>
        <source>Update review</source>
        <translation>Modifier mon avis</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SearchDelegate</name>
    <message>
        <source>Post: %1</source>
        <translation>Publication : %1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
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
        <translation>Rechercher dans les messages et publications (Ctrl+K)</translation>
    </message>
    <message>
        <source>Type to search messages and posts.</source>
        <translation>Tapez pour rechercher dans les messages et publications.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Aucun résultat pour « %1 ».</translation>
    </message>
    <message>
        <source>Newest first; more load as you scroll.</source>
        <translation>Les plus récents d’abord ; la suite se charge en défilant.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), newest first.</source>
        <translation>
            <numerusform>%n résultat, les plus récents d’abord.</numerusform>
            <numerusform>%n résultats, les plus récents d’abord.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Session</name>
    <message>
        <source>The reaction was not saved: %1</source>
        <translation>La réaction n’a pas été enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Sidebar</name>
    <message>
        <source>Feed</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Posts from everyone (Ctrl+1)</source>
        <translation>Les publications de tout le monde (Ctrl+1)</translation>
    </message>
    <message>
        <source>Create a channel</source>
        <translation>Créer un salon</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>People online</source>
        <translation>Personnes en ligne</translation>
    </message>
    <message>
        <source>CHANNELS</source>
        <translation>SALONS</translation>
    </message>
    <message>
        <source>Feed (%1 new)</source>
        <translation>Fil (nouveau&#xa0;: %1)</translation>
    </message>
    <message>
        <source>ONLINE — %1</source>
        <translation>EN LIGNE — %1</translation>
    </message>
    <message>
        <source>ONLINE</source>
        <translation>EN LIGNE</translation>
    </message>
    <message>
        <source>Not known yet.</source>
        <translation>Pas encore connu.</translation>
    </message>
    <message>
        <source>Not known while offline.</source>
        <translation>Inconnu hors ligne.</translation>
    </message>
    <message>
        <source>No channels yet.</source>
        <translation>Aucun salon pour l’instant.</translation>
    </message>
    <message>
        <source>Loading channels…</source>
        <translation>Chargement des salons…</translation>
    </message>
    <message>
        <source>Connecting… The channels have not loaded yet.</source>
        <translation>Connexion… Les salons ne sont pas encore chargés.</translation>
    </message>
    <message>
        <source>Offline: the channels have not loaded yet.</source>
        <translation>Hors ligne&#xa0;: les salons ne sont pas encore chargés.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Messages privés</translation>
    </message>
    <message>
        <source>DIRECT MESSAGES</source>
        <translation>MESSAGES PRIVÉS</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <source>Double-click someone online to message them.</source>
        <translation>Double-cliquez sur une personne en ligne pour lui écrire.</translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation>Me notifier pour</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation>Mentions uniquement</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SignInDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation>Se co&amp;nnecter</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Créer un compte</translation>
    </message>
    <message>
        <source>Sign in to Hubbub</source>
        <translation>Se connecter à Hubbub</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Hubbub&lt;/b&gt;&lt;br&gt;Sign in to a Hubbub server on your network.</source>
        <translation>&lt;b&gt;Bienvenue dans Hubbub&lt;/b&gt;&lt;br&gt;Connectez-vous à un serveur Hubbub de votre réseau.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Create a new account on this server with this username and password</source>
        <translation>Créer un compte sur ce serveur avec ce nom d&apos;utilisateur et ce mot de passe</translation>
    </message>
    <message>
        <source>A username has %1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>Un nom d&apos;utilisateur compte de %1 à %2 lettres, chiffres, «&#xa0;_&#xa0;», «&#xa0;.&#xa0;» ou «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Choisissez un mot de passe d&apos;au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Connexion au compte sur %1…</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirmer le mot de passe</translation>
    </message>
    <message>
        <source>Type the password again</source>
        <translation>Retapez le mot de passe</translation>
    </message>
    <message>
        <source>Con&amp;firm password:</source>
        <translation>Con&amp;firmer le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>Les deux mots de passe diffèrent. Tapez le même mot de passe dans les deux champs.</translation>
    </message>
    <message>
        <source>On your network:</source>
        <translation>Sur votre réseau&#xa0;:</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Serveurs sur votre réseau</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Use something like 192.168.1.10 or wss://192.168.1.10:7300.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse de serveur. Utilisez par exemple 192.168.1.10 ou wss://192.168.1.10:7300.</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Code d&apos;invitation</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>Seulement si le serveur en demande un</translation>
    </message>
    <message>
        <source>&amp;Invite code:</source>
        <translation>Code d&apos;&amp;invitation&#xa0;:</translation>
    </message>
    <message>
        <source>The server&apos;s address. A server with several addresses: all of them, separated by commas; when one cannot be reached, the next is used.</source>
        <translation>L&apos;adresse du serveur. Un serveur à plusieurs adresses&#xa0;: toutes, séparées par des virgules&#xa0;; quand l&apos;une est injoignable, la suivante est utilisée.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Uploads</name>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>Impossible de lire « %1 ».</translation>
    </message>
    <message>
        <source>“%1” is larger than 100 MiB.</source>
        <translation>« %1 » dépasse 100 Mio.</translation>
    </message>
    <message>
        <source>“%1” changed while it was being sent.</source>
        <translation>« %1 » a changé pendant l’envoi.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Codec</name>
    <message>
        <source>The field &apos;%1&apos; must be %2.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» doit être %2.</translation>
    </message>
    <message>
        <source>The frame is not valid JSON: %1.</source>
        <translation>La trame n&apos;est pas du JSON valide&#xa0;: %1.</translation>
    </message>
    <message>
        <source>A frame must hold one JSON object.</source>
        <translation>Une trame doit contenir un seul objet JSON.</translation>
    </message>
    <message>
        <source>The frame has no &apos;type&apos; string.</source>
        <translation>La trame n&apos;a pas de chaîne «&#xa0;type&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown request type &apos;%1&apos;.</source>
        <translation>Type de demande inconnu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The request has no &apos;id&apos;.</source>
        <translation>La demande n&apos;a pas d&apos;«&#xa0;id&#xa0;».</translation>
    </message>
    <message>
        <source>The &apos;id&apos; must be an integer from 0 to 2^53-1.</source>
        <translation>L&apos;«&#xa0;id&#xa0;» doit être un entier de 0 à 2^53-1.</translation>
    </message>
    <message>
        <source>The frame is not valid JSON: a string holds a raw control character or an unknown escape.</source>
        <translation>La trame n&apos;est pas du JSON valide&#xa0;: une chaîne contient un caractère de contrôle brut ou un échappement inconnu.</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; is missing.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» est manquant.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>an integer id</source>
        <translation>un identifiant entier</translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; is out of range.</source>
        <translation>L&apos;identifiant «&#xa0;%1&#xa0;» est hors limites.</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» doit être un nombre entier.</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» doit être un nombre entier de %2 à %3.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server</name>
    <message>
        <source>Only the author or an admin can change this %1.</source>
        <translation>Seul l&apos;auteur ou un administrateur peut modifier %1.</translation>
    </message>
    <message>
        <source>This channel does not exist.</source>
        <translation>Ce salon n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The server could not store or read this: a database error occurred.</source>
        <translation>Le serveur n&apos;a pas pu enregistrer ou lire ceci&#xa0;: une erreur de base de données s&apos;est produite.</translation>
    </message>
    <message>
        <source>%1 is not a usable PostgreSQL URL: %2</source>
        <translation>%1 n&apos;est pas une URL PostgreSQL utilisable&#xa0;: %2</translation>
    </message>
    <message>
        <source>it must begin with postgresql://</source>
        <translation>elle doit commencer par postgresql://</translation>
    </message>
    <message>
        <source>it holds a password; put it in a password file (PGPASSFILE, ~/.pgpass) or PGPASSWORD instead, where the process list does not show it</source>
        <translation>elle contient un mot de passe&#xa0;; mettez-le plutôt dans un fichier de mots de passe (PGPASSFILE, ~/.pgpass) ou dans PGPASSWORD, où la liste des processus ne le montre pas</translation>
    </message>
    <message>
        <source>the path names no database</source>
        <translation>le chemin ne nomme aucune base de données</translation>
    </message>
    <message>
        <source>unknown keyword %1</source>
        <translation>mot-clé inconnu %1</translation>
    </message>
    <message>
        <source>%1 holds a &apos;;&apos;</source>
        <translation>%1 contient un &apos;;&apos;</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; on Debian and Ubuntu it is the package libqt6sql6-psql</source>
        <translation>Le pilote PostgreSQL de Qt (QPSQL) n&apos;est pas installé&#xa0;; sous Debian et Ubuntu, c&apos;est le paquet libqt6sql6-psql</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AccountHandler</name>
    <message>
        <source>This account no longer exists.</source>
        <translation>Ce compte n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Le mot de passe actuel n&apos;est pas le bon.</translation>
    </message>
    <message>
        <source>Too many wrong passwords; wait before trying again.</source>
        <translation>Trop de mots de passe erronés&#xa0;; attendez avant de réessayer.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>Le serveur est occupé à connecter des gens&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>Le mot de passe n&apos;a pas pu être haché.</translation>
    </message>
    <message>
        <source>You have no signed-in device with that id; it may have signed out already.</source>
        <translation>Vous n&apos;avez aucun appareil connecté avec cet identifiant&#xa0;; il s&apos;est peut-être déjà déconnecté.</translation>
    </message>
    <message>
        <source>This sign-in was ended; log in again.</source>
        <translation>Cette connexion a été fermée&#xa0;; reconnectez-vous.</translation>
    </message>
    <message>
        <source>This one-time code has expired; ask an admin for a new one.</source>
        <translation>Ce code à usage unique a expiré&#xa0;; demandez-en un nouveau à un administrateur.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AccountStore</name>
    <message>
        <source>There is no such user.</source>
        <translation>Cet utilisateur n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AdminHandler</name>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Seul un administrateur peut faire cela.</translation>
    </message>
    <message>
        <source>The role must be &quot;admin&quot; or &quot;member&quot;.</source>
        <translation>Le rôle doit être «&#xa0;admin&#xa0;» ou «&#xa0;member&#xa0;».</translation>
    </message>
    <message>
        <source>You cannot take away your own admin rights; ask another admin to do it.</source>
        <translation>Vous ne pouvez pas retirer vos propres droits d&apos;administrateur&#xa0;; demandez-le à un autre administrateur.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte.</translation>
    </message>
    <message>
        <source>Change your own password in your account settings instead.</source>
        <translation>Changez plutôt votre propre mot de passe dans les réglages de votre compte.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>Le serveur est occupé à connecter des gens&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The code could not be hashed.</source>
        <translation>Le code n&apos;a pas pu être haché.</translation>
    </message>
    <message>
        <source>There is no such user.</source>
        <translation>Cet utilisateur n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There are %1 invites already; withdraw some first.</source>
        <translation>Il y a déjà %1 invitations&#xa0;; retirez-en d&apos;abord.</translation>
    </message>
    <message>
        <source>There is no unused invite with that id.</source>
        <translation>Aucune invitation inutilisée n&apos;a cet identifiant.</translation>
    </message>
    <message>
        <source>This sign-in was ended; log in again.</source>
        <translation>Cette connexion a été fermée&#xa0;; reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AuthHandler</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>Not an auth request.</source>
        <translation>Ce n&apos;est pas une demande d&apos;authentification.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>Le serveur est occupé à connecter d&apos;autres personnes&#xa0;; réessayez sous peu.</translation>
    </message>
    <message>
        <source>Registration is closed on this server; ask its admin for an account.</source>
        <translation>Les inscriptions sont fermées sur ce serveur&#xa0;; demandez un compte à son administrateur.</translation>
    </message>
    <message>
        <source>Too many attempts from this address; wait a moment.</source>
        <translation>Trop de tentatives depuis cette adresse&#xa0;; patientez un instant.</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>Impossible de hacher le mot de passe.</translation>
    </message>
    <message>
        <source>Too many failed logins; wait before trying again.</source>
        <translation>Trop d&apos;échecs de connexion&#xa0;; patientez avant de réessayer.</translation>
    </message>
    <message>
        <source>Too many failed attempts; wait a moment.</source>
        <translation>Trop de tentatives échouées&#xa0;; patientez un instant.</translation>
    </message>
    <message>
        <source>This sign-in has expired or was ended; log in again.</source>
        <translation>Cette connexion a expiré ou a été fermée&#xa0;; reconnectez-vous.</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>Vous n&apos;êtes pas connecté.</translation>
    </message>
    <message>
        <source>This invite code is not valid: it is mistyped, used, withdrawn or expired.</source>
        <translation>Ce code d&apos;invitation n&apos;est pas valable&#xa0;: mal saisi, déjà utilisé, retiré ou expiré.</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation: ask an admin for an invite code.</source>
        <translation>Ce serveur n&apos;accepte de nouveaux comptes que sur invitation&#xa0;: demandez un code d&apos;invitation à un administrateur.</translation>
    </message>
    <message>
        <source>This account has been disabled; ask an admin.</source>
        <translation>Ce compte a été désactivé&#xa0;; adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>This one-time code has expired; ask an admin for a new one.</source>
        <translation>Ce code à usage unique a expiré&#xa0;; demandez-en un nouveau à un administrateur.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ChatHandler</name>
    <message>
        <source>This channel does not exist.</source>
        <translation>Ce salon n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Ce message n&apos;existe pas (il a peut-être été supprimé).</translation>
    </message>
    <message>
        <source>Not a chat request.</source>
        <translation>Ce n&apos;est pas une demande de discussion.</translation>
    </message>
    <message>
        <source>message</source>
        <translation>ce message</translation>
    </message>
    <message>
        <source>The message replied to does not exist in this channel.</source>
        <translation>Le message auquel vous répondez n&apos;existe pas dans ce salon.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ChatStore</name>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Ce message n&apos;existe pas (il a peut-être été supprimé).</translation>
    </message>
    <message>
        <source>A channel named &apos;%1&apos; already exists.</source>
        <translation>Un salon nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::DirectHandler</name>
    <message>
        <source>The field &apos;userIds&apos; must be an array of user ids.</source>
        <translation>Le champ « userIds » doit être une liste d’identifiants d’utilisateurs.</translation>
    </message>
    <message>
        <source>A conversation has at most %1 members.</source>
        <translation>Une conversation compte au plus %1 membres.</translation>
    </message>
    <message>
        <source>Name at least one other user to talk to.</source>
        <translation>Indiquez au moins une autre personne avec qui parler.</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>Aucun utilisateur n’a l’identifiant %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::EventStore</name>
    <message>
        <source>This server has no changes after %1 (its latest is %2): reload.</source>
        <translation>Ce serveur n&apos;a aucune modification après %1 (la dernière est %2)&#xa0;: rechargez.</translation>
    </message>
    <message>
        <source>Changes before %1 are no longer kept: reload.</source>
        <translation>Les modifications antérieures à %1 ne sont plus conservées&#xa0;: rechargez.</translation>
    </message>
    <message>
        <source>Too much has changed since %1 to send at once: reload.</source>
        <translation>Trop de modifications depuis %1 pour tout envoyer d&apos;un coup&#xa0;: rechargez.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FeedHandler</name>
    <message>
        <source>The attached image does not exist; upload it first.</source>
        <translation>L&apos;image jointe n&apos;existe pas&#xa0;; envoyez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>An image id is the 64-character lowercase hex SHA-256 of the image.</source>
        <translation>Un identifiant d&apos;image est le SHA-256 de l&apos;image en 64 caractères hexadécimaux minuscules.</translation>
    </message>
    <message>
        <source>Not a feed request.</source>
        <translation>Ce n&apos;est pas une demande de fil.</translation>
    </message>
    <message>
        <source>This post does not exist.</source>
        <translation>Cette publication n&apos;existe pas.</translation>
    </message>
    <message>
        <source>post</source>
        <translation>cette publication</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FileHandler</name>
    <message>
        <source>There is no such upload (it was finished, cancelled or abandoned).</source>
        <translation>Cet envoi n’existe pas (il est terminé, annulé ou abandonné).</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Ce fichier n’existe pas.</translation>
    </message>
    <message>
        <source>This must be a SHA-256 digest in hexadecimal.</source>
        <translation>Ce doit être une empreinte SHA-256 en hexadécimal.</translation>
    </message>
    <message>
        <source>A file name has 1 to 255 characters, without control characters, &apos;/&apos; or &apos;\&apos;.</source>
        <translation>Un nom de fichier a de 1 à 255 caractères, sans caractère de contrôle, ni « / » ni « \ ».</translation>
    </message>
    <message>
        <source>A file name has at most 255 characters.</source>
        <translation>Un nom de fichier a au plus 255 caractères.</translation>
    </message>
    <message>
        <source>The type must look like &apos;application/pdf&apos;.</source>
        <translation>Le type doit ressembler à « application/pdf ».</translation>
    </message>
    <message>
        <source>Not a file request.</source>
        <translation>Ce n’est pas une requête de fichier.</translation>
    </message>
    <message>
        <source>The size must not be negative.</source>
        <translation>La taille ne doit pas être négative.</translation>
    </message>
    <message>
        <source>A file can be at most 100 MiB.</source>
        <translation>Un fichier fait au plus 100 Mio.</translation>
    </message>
    <message>
        <source>You have %1 uploads in progress; finish or cancel one first.</source>
        <translation>Vous avez %1 envois en cours ; terminez-en ou annulez-en un d’abord.</translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation>Le serveur n’a pas la place pour ce fichier en ce moment.</translation>
    </message>
    <message>
        <source>A chunk can be at most 4 MiB.</source>
        <translation>Un morceau fait au plus 4 Mio.</translation>
    </message>
    <message>
        <source>The chunk is not valid base64, or empty.</source>
        <translation>Le morceau n’est pas du base64 valide, ou il est vide.</translation>
    </message>
    <message>
        <source>The chunk must start at byte %1.</source>
        <translation>Le morceau doit commencer à l’octet %1.</translation>
    </message>
    <message>
        <source>The chunk goes past the end of the file.</source>
        <translation>Le morceau dépasse la fin du fichier.</translation>
    </message>
    <message>
        <source>The upload is not complete: %1 of %2 bytes received.</source>
        <translation>L’envoi n’est pas complet : %1 octets reçus sur %2.</translation>
    </message>
    <message>
        <source>The bytes received do not match the SHA-256 given; the upload was dropped.</source>
        <translation>Les octets reçus ne correspondent pas au SHA-256 donné ; l’envoi a été abandonné.</translation>
    </message>
    <message>
        <source>The offset must not be negative.</source>
        <translation>La position ne doit pas être négative.</translation>
    </message>
    <message>
        <source>The length must be at least 1.</source>
        <translation>La longueur doit valoir au moins 1.</translation>
    </message>
    <message>
        <source>At most 4 MiB can be read at once.</source>
        <translation>On peut lire au plus 4 Mio à la fois.</translation>
    </message>
    <message>
        <source>The offset is past the end of the file.</source>
        <translation>La position est au-delà de la fin du fichier.</translation>
    </message>
    <message>
        <source>&apos;files&apos; must be an array of file ids.</source>
        <translation>« files » doit être un tableau d’identifiants de fichiers.</translation>
    </message>
    <message>
        <source>At most %1 files can be attached.</source>
        <translation>On peut joindre au plus %1 fichiers.</translation>
    </message>
    <message>
        <source>There is no such file, or its upload is not finished.</source>
        <translation>Ce fichier n’existe pas, ou son envoi n’est pas terminé.</translation>
    </message>
    <message>
        <source>The same file is attached twice.</source>
        <translation>Le même fichier est joint deux fois.</translation>
    </message>
    <message>
        <source>The size does not match the file with this SHA-256.</source>
        <translation>La taille ne correspond pas au fichier de ce SHA-256.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FileStore</name>
    <message>
        <source>The server could not store this file (its disk may be full). The upload was stopped and its partial data removed.</source>
        <translation>Le serveur n’a pas pu enregistrer ce fichier (son disque est peut-être plein). L’envoi a été arrêté et ses données partielles supprimées.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Ce fichier n’existe pas.</translation>
    </message>
    <message>
        <source>There is no such file, or its upload is not finished.</source>
        <translation>Ce fichier n’existe pas, ou son envoi n’est pas terminé.</translation>
    </message>
    <message>
        <source>This upload is gone (cancelled or abandoned); begin it again.</source>
        <translation>Cet envoi n’existe plus (annulé ou abandonné) ; recommencez-le.</translation>
    </message>
    <message>
        <source>The chunk must start at byte %1.</source>
        <translation>Le morceau doit commencer à l’octet %1.</translation>
    </message>
    <message>
        <source>The server could not read this file.</source>
        <translation>Le serveur n’a pas pu lire ce fichier.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ImageHandler</name>
    <message>
        <source>The image must be a PNG, JPEG, GIF or WebP file.</source>
        <translation>L&apos;image doit être un fichier PNG, JPEG, GIF ou WebP.</translation>
    </message>
    <message>
        <source>The image is larger than 8 MiB.</source>
        <translation>L&apos;image dépasse 8 Mio.</translation>
    </message>
    <message>
        <source>The image data is not valid base64 (it looks cut off).</source>
        <translation>Les données de l&apos;image ne sont pas du base64 valide (elles semblent tronquées).</translation>
    </message>
    <message>
        <source>The image data is not valid base64.</source>
        <translation>Les données de l&apos;image ne sont pas du base64 valide.</translation>
    </message>
    <message>
        <source>There is no such image.</source>
        <translation>Cette image n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ImageInspector</name>
    <message>
        <source>The image is larger than 8 MiB.</source>
        <translation>L&apos;image dépasse 8 Mio.</translation>
    </message>
    <message>
        <source>The image must be a PNG, JPEG, GIF or WebP file.</source>
        <translation>L&apos;image doit être un fichier PNG, JPEG, GIF ou WebP.</translation>
    </message>
    <message>
        <source>The image has no readable size.</source>
        <translation>La taille de l&apos;image est illisible.</translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; at most %3 x %3 are allowed.</source>
        <translation>L&apos;image fait %1 x %2 pixels&#xa0;; %3 x %3 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>The image could not be decoded: %1.</source>
        <translation>Impossible de décoder l&apos;image&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::MetricsServer</name>
    <message>
        <source>cannot listen for metrics on %1:%2: %3</source>
        <translation>impossible d&apos;écouter les métriques sur %1:%2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::PostStore</name>
    <message>
        <source>This post does not exist (it may have been deleted).</source>
        <translation>Cette publication n&apos;existe pas (elle a peut-être été supprimée).</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReactionStore</name>
    <message>
        <source>At most %1 different reactions fit on one entry.</source>
        <translation>Un élément peut recevoir au plus %1 réactions différentes.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReadHandler</name>
    <message>
        <source>This channel does not exist.</source>
        <translation>Ce salon n’existe pas.</translation>
    </message>
    <message>
        <source>Not a read request.</source>
        <translation>Ce n’est pas une requête de lecture.</translation>
    </message>
    <message>
        <source>This message is not in this channel (it may have been deleted).</source>
        <translation>Ce message n’est pas dans ce salon (il a peut-être été supprimé).</translation>
    </message>
    <message>
        <source>The level must be &quot;all&quot;, &quot;mentions&quot; or &quot;none&quot;.</source>
        <translation>Le niveau doit être « all », « mentions » ou « none ».</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReplyHandler</name>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Ce message n&apos;existe pas (il a peut-être été supprimé).</translation>
    </message>
    <message>
        <source>Not a chat request.</source>
        <translation>Ce n&apos;est pas une demande de discussion.</translation>
    </message>
    <message>
        <source>A reaction goes on a message or on a post: give one of messageId and postId.</source>
        <translation>Une réaction porte sur un message ou une publication&#xa0;: indiquez soit messageId, soit postId.</translation>
    </message>
    <message>
        <source>&apos;on&apos; must be true or false.</source>
        <translation>«&#xa0;on&#xa0;» doit valoir true ou false.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SearchHandler</name>
    <message>
        <source>&apos;%1&apos; must be an ISO 8601 time with a zone, such as 2026-01-31T09:00:00Z.</source>
        <translation>« %1 » doit être une heure ISO 8601 avec fuseau, par exemple 2026-01-31T09:00:00Z.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be one of: %2.</source>
        <translation>« %1 » doit valoir l’une de ces valeurs : %2.</translation>
    </message>
    <message>
        <source>&apos;offset&apos; must be between 0 and %1.</source>
        <translation>« offset » doit être compris entre 0 et %1.</translation>
    </message>
    <message>
        <source>This channel does not exist.</source>
        <translation>Ce salon n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This user does not exist.</source>
        <translation>Cet utilisateur n’existe pas.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SearchQuery</name>
    <message>
        <source>A search is at most %1 characters long.</source>
        <translation>Une recherche compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>Type a word to search for.</source>
        <translation>Tapez un mot à rechercher.</translation>
    </message>
    <message>
        <source>A search has at most %1 words.</source>
        <translation>Une recherche compte au plus %1 mots.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::Server</name>
    <message>
        <source>libsodium could not be initialised</source>
        <translation>impossible d&apos;initialiser libsodium</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>impossible d&apos;écouter sur %1:%2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Too much data too fast; slow down.</source>
        <translation>Trop de données trop vite&#xa0;; ralentissez.</translation>
    </message>
    <message>
        <source>Too many requests; slow down.</source>
        <translation>Trop de demandes&#xa0;; ralentissez.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Binary frames are not part of the protocol; send JSON text frames.</source>
        <translation>Les trames binaires ne font pas partie du protocole&#xa0;; envoyez des trames texte JSON.</translation>
    </message>
    <message>
        <source>TLS is off</source>
        <translation>le TLS est désactivé</translation>
    </message>
    <message>
        <source>You signed in with a one-time code: choose a new password first.</source>
        <translation>Vous vous êtes connecté avec un code à usage unique&#xa0;: choisissez d&apos;abord un nouveau mot de passe.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SyncHandler</name>
    <message>
        <source>The client name is longer than %1 characters.</source>
        <translation>Le nom du client dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>This server speaks protocol version %1 only.</source>
        <translation>Ce serveur ne parle que la version %1 du protocole.</translation>
    </message>
    <message>
        <source>&apos;since&apos; must not be negative.</source>
        <translation>«&#xa0;since&#xa0;» ne doit pas être négatif.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::UserHandler</name>
    <message>
        <source>An image id is the 64-character lowercase hex SHA-256 of the image.</source>
        <translation>Un identifiant d&apos;image est le SHA-256 de l&apos;image en 64 caractères hexadécimaux minuscules.</translation>
    </message>
    <message>
        <source>The picture does not exist; upload it first.</source>
        <translation>La photo n&apos;existe pas&#xa0;; envoyez-la d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::UserStore</name>
    <message>
        <source>The username &apos;%1&apos; is already taken.</source>
        <translation>Le nom d&apos;utilisateur «&#xa0;%1&#xa0;» est déjà pris.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>Ce compte n&apos;existe plus.</translation>
    </message>
    <message>
        <source>There is no user &apos;%1&apos;.</source>
        <translation>Il n&apos;y a pas d&apos;utilisateur «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>This account has been disabled.</source>
        <translation>Ce compte a été désactivé.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::VersionHandler</name>
    <message>
        <source>Not an edit history request.</source>
        <translation>Ce n&apos;est pas une demande d&apos;historique des modifications.</translation>
    </message>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>Ce message n&apos;existe pas (il a peut-être été supprimé).</translation>
    </message>
    <message>
        <source>This post does not exist (it may have been deleted).</source>
        <translation>Cette publication n&apos;existe pas (elle a peut-être été supprimée).</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::Writer</name>
    <message>
        <source>The server is shutting down; the change was not stored.</source>
        <translation>Le serveur s&apos;arrête&#xa0;; la modification n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>The writer is not running.</source>
        <translation>Le processus d&apos;écriture ne tourne pas.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Validation</name>
    <message>
        <source>%1 is too long: at most %2 characters, this has %3.</source>
        <translation>%1 est trop long&#xa0;: %2 caractères au plus, il en compte %3.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 ne doit pas être vide.</translation>
    </message>
    <message>
        <source>%1 is too short: at least %2 characters.</source>
        <translation>%1 est trop court&#xa0;: au moins %2 caractères.</translation>
    </message>
    <message>
        <source>The username</source>
        <translation>Le nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>The password</source>
        <translation>Le mot de passe</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>Le titre</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Le texte</translation>
    </message>
    <message>
        <source>The message</source>
        <translation>Le message</translation>
    </message>
    <message>
        <source>The comment</source>
        <translation>Le commentaire</translation>
    </message>
    <message>
        <source>The rating must be a whole number of stars from %1 to %2.</source>
        <translation>La note doit être un nombre entier d&apos;étoiles de %1 à %2.</translation>
    </message>
    <message>
        <source>The channel name</source>
        <translation>Le nom du salon</translation>
    </message>
    <message>
        <source>A channel name may not contain line breaks or control characters.</source>
        <translation>Un nom de salon ne peut contenir ni saut de ligne ni caractère de contrôle.</translation>
    </message>
    <message>
        <source>The topic</source>
        <translation>Le sujet</translation>
    </message>
    <message>
        <source>The nonce</source>
        <translation>Le nonce</translation>
    </message>
    <message>
        <source>A username may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;: no spaces, symbols or emoji.</source>
        <translation>Un nom d’utilisateur ne peut contenir que des lettres, des chiffres, « _ », « . » et « - » : ni espaces, ni symboles, ni emoji.</translation>
    </message>
    <message>
        <source>The display name</source>
        <translation>Le nom affiché</translation>
    </message>
    <message>
        <source>A display name may not contain line breaks, control characters or invisible formatting characters.</source>
        <translation>Un nom affiché ne peut contenir ni saut de ligne, ni caractère de contrôle, ni caractère de mise en forme invisible.</translation>
    </message>
    <message>
        <source>A reaction is at most %1 bytes long.</source>
        <translation>Une réaction fait au plus %1 octets.</translation>
    </message>
    <message>
        <source>A reaction has no spaces or control characters.</source>
        <translation>Une réaction ne contient ni espace ni caractère de contrôle.</translation>
    </message>
    <message>
        <source>A reaction is an emoji or a symbol, not a word.</source>
        <translation>Une réaction est un emoji ou un symbole, pas un mot.</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
</context>
<context>
    <name>TlsContext</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>TLS is not available: %1</source>
        <translation>le TLS n&apos;est pas disponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot use the certificate %1: %2</source>
        <translation>impossible d&apos;utiliser le certificat %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the key %1 does not belong to the certificate %2</source>
        <translation>la clé %1 n&apos;appartient pas au certificat %2</translation>
    </message>
    <message>
        <source>cannot use the key %1: %2</source>
        <translation>impossible d&apos;utiliser la clé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot read the certificate %1</source>
        <translation>impossible de lire le certificat %1</translation>
    </message>
    <message>
        <source>cannot create a key: %1</source>
        <translation>impossible de créer une clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot create a certificate: %1</source>
        <translation>impossible de créer un certificat&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot sign the certificate: %1</source>
        <translation>impossible de signer le certificat&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot write the certificate: %1</source>
        <translation>impossible d&apos;écrire le certificat&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hubbub: the feed and chat of your local network.</source>
        <translation>Hubbub&#xa0;: le fil et la messagerie de votre réseau local.</translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt; without the dialog, creating the account if needed.</source>
        <translation>Se connecter en tant que &lt;name&gt; sans boîte de dialogue, en créant le compte si besoin.</translation>
    </message>
    <message>
        <source>Read the password for --user from &lt;file&gt;.</source>
        <translation>Lire le mot de passe de --user dans &lt;file&gt;.</translation>
    </message>
    <message>
        <source>Trust the certificate of the --server whose SHA-256 fingerprint is &lt;sha256&gt;, as hubbub-server prints it, without asking.</source>
        <translation>Approuver sans demander le certificat du --server dont l&apos;empreinte SHA-256 est &lt;sha256&gt;, telle que hubbub-server l&apos;affiche.</translation>
    </message>
    <message>
        <source>Connect to the server at &lt;url&gt; (default: the last one). A server with several addresses: all of them, separated by commas, tried in turn.</source>
        <translation>Se connecter au serveur à l&apos;adresse &lt;url&gt; (par défaut&#xa0;: le dernier utilisé). Un serveur à plusieurs adresses&#xa0;: toutes, séparées par des virgules, essayées tour à tour.</translation>
    </message>
</context>
</TS>
