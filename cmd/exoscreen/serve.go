package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/exoscreen/exoscreen/internal/serve"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/ui/kiosk"
)

// serve is `exoscreen serve`: the kiosk (or --mode screening) over SSH. It parses the flags
// and runs internal/serve until SIGTERM or SIGINT.
func (e *env) serve(args []string) int {
	var c common
	fs := newFlags("serve", &c)
	listen := fs.String("listen", serve.DefaultListen, "listen on `ADDR` (loopback unless given)")
	outboxDir := fs.String("outbox", os.Getenv("EXOSCREEN_OUTBOX"), "write results to `DIR` (default $EXOSCREEN_OUTBOX)")
	mode := fs.String("mode", string(serve.ModeKiosk), "what each session runs: kiosk or screening")
	details := fs.String("details", envOr("EXOSCREEN_KIOSK_DETAILS", "reception"), "kiosk: patient details to ask")
	showResult := fs.Bool("show-result", false, "kiosk: show the patient their result summary")
	idle := fs.Duration("idle-timeout", 2*time.Minute, "ask \"are you still there?\" after this long without input")
	clinic := fs.String("clinic", os.Getenv("EXOSCREEN_CLINIC"), "clinic `name` printed on the summaries")
	hostKey := fs.String("host-key", "", "host key `FILE` (created, ed25519 and mode 0600, when missing)")
	authKeys := fs.String("authorized-keys", "", "OpenSSH authorized_keys `FILE` of the terminals allowed")
	pwFile := fs.String("password-file", "", "shared password in `FILE` (mode 0600; else "+serve.PasswordEnv+")")
	pinFile := fs.String("staff-pin-file", "", "kiosk: staff PIN in `FILE` (else "+pinEnv+")")
	maxSessions := fs.Int("max-sessions", 32, "sessions at once")
	logFile := fs.String("log", "", "append the operator log to `FILE` (default stderr)")
	pos, err := parse(fs, args)
	if err != nil {
		return e.usageError("serve", c.lang, err)
	}
	if len(pos) > 0 {
		return e.usageError("serve", c.lang, fmt.Errorf("unexpected argument %q", pos[0]))
	}
	rs, err := c.loadRules()
	if err != nil {
		return e.loadError("serve", c.lang, err)
	}
	if *outboxDir == "" {
		return e.usageError("serve", c.lang, errors.New("serve needs --outbox DIR"))
	}
	if *hostKey == "" {
		return e.usageError("serve", c.lang, errors.New("serve needs --host-key FILE (it is created when missing)"))
	}
	if *idle < time.Second {
		return e.usageError("serve", c.lang, fmt.Errorf("--idle-timeout %v is too short (at least 1s)", *idle))
	}
	if *maxSessions < 1 {
		return e.usageError("serve", c.lang, fmt.Errorf("--max-sessions %d: at least 1", *maxSessions))
	}
	fields, err := kiosk.ParseFields(*details)
	if err != nil {
		return e.usageError("serve", c.lang, fmt.Errorf("--details: %w", err))
	}
	password := os.Getenv(serve.PasswordEnv)
	os.Unsetenv(serve.PasswordEnv)
	if *pwFile != "" {
		if password, err = serve.ReadPasswordFile(*pwFile); err != nil {
			return e.usageError("serve", c.lang, err)
		}
	}
	var guard *kiosk.Guard
	if serve.Mode(*mode) == serve.ModeKiosk {
		pin, err := readPIN(*pinFile)
		if err != nil {
			return e.usageError("serve", c.lang, err)
		}
		if guard, err = kiosk.NewGuard(pin); err != nil {
			return e.usageError("serve", c.lang, err)
		}
	}
	var logw io.Writer = e.stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			fmt.Fprintf(e.stderr, "exoscreen serve: --log: %v\n", err)
			return exitFail
		}
		defer f.Close()
		logw = f
	}
	lang := c.lang
	if !c.langSet {
		lang = screening.JA // the clinic's language for the staff screens and the first screen
	}
	srv, err := serve.New(serve.Config{
		Listen: *listen, Outbox: *outboxDir, Mode: serve.Mode(*mode), RuleSet: rs, Lang: lang,
		Details: fields, ShowResult: *showResult, IdleTimeout: *idle, Clinic: *clinic, Guard: guard,
		HostKey: *hostKey, AuthorizedKeys: *authKeys, Password: password,
		MaxSessions: *maxSessions, Log: logw,
	})
	if err != nil {
		return e.usageError("serve", c.lang, err)
	}
	ln, err := srv.Listen()
	if err != nil {
		fmt.Fprintf(e.stderr, "exoscreen serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(e.stdout, "exoscreen serve: listening on %s\nhost key fingerprint: %s\n", ln.Addr(), srv.Fingerprint())

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case <-sigs:
		srv.Shutdown()
		<-served
		return exitOK
	case err := <-served:
		if err != nil {
			fmt.Fprintf(e.stderr, "exoscreen serve: %v\n", err)
			return exitFail
		}
		return exitOK
	}
}

func init() {
	usageText[screening.EN]["serve"] = `Usage: exoscreen serve --outbox DIR --host-key FILE [flags]

Serves the front-desk kiosk (or, with --mode screening, the interactive screening) over SSH:
every terminal in the clinic connects with a plain SSH client (ssh -t -p 2222 HOST) and gets
its own screening; every result lands in the outbox that 'exoscreen inbox' reads.

Flags:
  --listen ADDR             address to listen on (default 127.0.0.1:2222, this machine only)
  --outbox DIR              where results are written (default $EXOSCREEN_OUTBOX)
  --mode kiosk|screening    what each session runs (default kiosk)
  --host-key FILE           host key; created (ed25519, mode 0600) when missing
  --authorized-keys FILE    OpenSSH authorized_keys of the terminals allowed
  --password-file FILE      shared password (mode 0600); or $EXOSCREEN_SERVE_PASSWORD
  --staff-pin-file FILE     kiosk: the staff PIN (mode 0600); or $EXOSCREEN_STAFF_PIN
  --details LIST            kiosk: reception,name,dob or none (default reception)
  --show-result             kiosk: show the patient their result
  --idle-timeout DURATION   ask "are you still there?" after this long (default 2m)
  --clinic NAME             clinic name printed on the summaries
  --max-sessions N          sessions at once (default 32)
  --log FILE                append the operator log to FILE (default stderr)
  --lang ja|en, --content DIR

At least one of --authorized-keys and a password is required. SIGTERM or SIGINT closes the
server after the saves in progress.
`
	usageText[screening.JA]["serve"] = `使い方: exoscreen serve --outbox DIR --host-key FILE [フラグ]

受付キオスク(--mode screening では対話式の問診)を SSH で提供します。院内の各端末は
普通の SSH クライアント(ssh -t -p 2222 HOST)で接続し、それぞれ自分の問診を受けます。
結果はすべて 'exoscreen inbox' が読む送信フォルダに保存されます。

フラグ:
  --listen ADDR             待ち受けるアドレス(既定 127.0.0.1:2222、このコンピュータのみ)
  --outbox DIR              結果の保存先(既定は $EXOSCREEN_OUTBOX)
  --mode kiosk|screening    各接続で動かすもの(既定 kiosk)
  --host-key FILE           ホスト鍵。なければ作ります(ed25519、モード 0600)
  --authorized-keys FILE    接続を許す端末の OpenSSH authorized_keys
  --password-file FILE      共通パスワード(モード 0600)。または $EXOSCREEN_SERVE_PASSWORD
  --staff-pin-file FILE     キオスク: スタッフPIN(モード 0600)。または $EXOSCREEN_STAFF_PIN
  --details LIST            キオスク: reception,name,dob または none(既定 reception)
  --show-result             キオスク: 患者さんに結果を表示します
  --idle-timeout DURATION   操作がないとき「続けますか?」と聞くまでの時間(既定 2m)
  --clinic NAME             結果に印刷する医療機関名
  --max-sessions N          同時に受け付ける接続数(既定 32)
  --log FILE                運用ログを FILE に追記します(既定は標準エラー)
  --lang ja|en, --content DIR

--authorized-keys とパスワードの少なくとも一方が必要です。SIGTERM か SIGINT で、保存中の
結果を書き終えてから終了します。
`
}
