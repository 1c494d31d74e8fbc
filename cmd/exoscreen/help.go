package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// helpWidth is the width of the help in display cells (a Japanese character takes two).
const helpWidth = 80

// flagColumn is where the help of a flag starts (the flag and its value take the columns
// before it).
const flagColumn = 24

// helpHeads are the headings of the help; every language has the same sections.
var helpHeads = i18n.Catalog{
	"usage": {
		JA:     "使い方:",
		EN:     "Usage:",
		ZhHans: "用法：",
		ZhHant: "用法：",
		KO:     "사용법:",
	},
	"commands": {
		JA:     "コマンド:",
		EN:     "Commands:",
		ZhHans: "命令：",
		ZhHant: "命令：",
		KO:     "명령:",
	},
	"flags": {
		JA:     "フラグ:",
		EN:     "Flags:",
		ZhHans: "标志：",
		ZhHant: "旗標：",
		KO:     "플래그:",
	},
	"global": {
		JA:     "共通のフラグ（コマンドの前でも後でも使えます）:",
		EN:     "Global flags (before or after the command):",
		ZhHans: "通用标志（可放在命令之前或之后）：",
		ZhHant: "通用旗標（可放在命令之前或之後）：",
		KO:     "공통 플래그(명령 앞이나 뒤에 쓸 수 있습니다):",
	},
	"examples": {
		JA:     "例:",
		EN:     "Examples:",
		ZhHans: "示例：",
		ZhHant: "範例：",
		KO:     "예:",
	},
	"flagsArg": {
		JA:     "[フラグ]",
		EN:     "[flags]",
		ZhHans: "[标志]",
		ZhHant: "[旗標]",
		KO:     "[플래그]",
	},
	"command": {
		JA:     "コマンド",
		EN:     "COMMAND",
		ZhHans: "命令",
		ZhHant: "命令",
		KO:     "명령",
	},
	"help": {
		JA:     "このヘルプを表示します（--lang の言語で）",
		EN:     "show this help (in the --lang language)",
		ZhHans: "显示本帮助（使用 --lang 的语言）",
		ZhHant: "顯示本說明（使用 --lang 的語言）",
		KO:     "이 도움말을 표시합니다(--lang 의 언어로)",
	},
	"default": {
		JA:     "（既定は %s）",
		EN:     " (default %s)",
		ZhHans: "（默认为 %s）",
		ZhHant: "（預設為 %s）",
		KO:     " (기본값 %s)",
	},
	"else": {
		JA:     "%s。なければ %s",
		EN:     "%s, else %s",
		ZhHans: "%s，否则为 %s",
		ZhHant: "%s，否則為 %s",
		KO:     "%s, 없으면 %s",
	},
	"screen": {
		JA:     "（なければ画面を使います）",
		EN:     " (without it, the screen)",
		ZhHans: "（没有时使用画面）",
		ZhHant: "（沒有時使用畫面）",
		KO:     " (없으면 화면을 사용합니다)",
	},
	"tagline": {
		JA:     "幹細胞培養上清液・エクソソーム治療の事前問診",
		EN:     "screening before stem-cell culture supernatant / exosome therapy",
		ZhHans: "干细胞培养上清液・外泌体治疗的治疗前问诊",
		ZhHant: "幹細胞培養上清液・外泌體治療的治療前問診",
		KO:     "줄기세포 배양액・엑소좀 치료 전 문진",
	},
}

// writeHelp writes the help of cmd in lang, generated from its definition and the flags'.
func writeHelp(w io.Writer, cmd *command, lang screening.Lang) error {
	h := func(key string, args ...any) string { return helpHeads.Get(lang, key, args...) }
	var b []byte
	para := func(first, rest, text string) { b = appendWrapped(b, first, rest, text) }
	line := func(s string) { b = append(append(b, s...), '\n') }

	if cmd.name == "" {
		para("exoscreen: ", "  ", h("tagline"))
	} else {
		para(cmd.title()+": ", "  ", cmd.summary.In(lang))
	}
	line("")
	line(h("usage"))
	if cmd.name == "" {
		line("  exoscreen " + h("flagsArg"))
		line("  exoscreen " + h("command") + " " + h("flagsArg") + " ...")
	} else {
		line(strings.TrimRight("  "+cmd.title()+" "+h("flagsArg")+" "+cmd.args, " "))
	}
	for _, p := range cmd.about {
		line("")
		para("", "", p.In(lang))
	}
	if cmd.name == "" {
		line("")
		line(h("commands"))
		for _, c := range commands[1:] {
			para(fmt.Sprintf("  %-15s ", c.name), strings.Repeat(" ", 18), c.summary.In(lang))
		}
	}
	for _, g := range cmd.flags {
		line("")
		if g.title.IsZero() {
			line(h("flags"))
		} else {
			line(g.title.In(lang) + ":")
		}
		for _, name := range g.names {
			b = appendFlagHelp(b, lookupFlag(name), cmd, lang)
		}
	}
	line("")
	line(h("global"))
	for _, name := range globalFlags {
		b = appendFlagHelp(b, lookupFlag(name), cmd, lang)
	}
	b = appendColumns(b, "  -h, --help", h("help"))
	line("")
	line(h("examples"))
	for _, ex := range cmd.examples {
		line("  " + ex.line)
		para("      ", "      ", ex.note.In(lang))
	}
	line("")
	para("", "", exitStatus.In(lang))
	_, err := w.Write(b)
	return err
}

// appendFlagHelp appends the help of one flag: the flag and its value's placeholder, what it
// does and its default; for --format, the command's formats one a line.
func appendFlagHelp(b []byte, d *flagDef, cmd *command, lang screening.Lang) []byte {
	h := func(key string, args ...any) string { return helpHeads.Get(lang, key, args...) }
	left := "  --" + d.name
	if d.arg != "" {
		left += " " + d.arg
	}
	text := d.help.In(lang)
	def := d.def
	if d.name == "format" {
		def = cmd.defaultFormat
	}
	switch {
	case d.env != "" && def != "":
		text += h("default", h("else", "$"+d.env, def))
	case d.env != "":
		text += h("default", "$"+d.env)
	case def != "":
		text += h("default", def)
	case d.name == "format":
		text += h("screen")
	}
	b = appendColumns(b, left, text)
	if d.name == "format" {
		for _, f := range cmd.formats {
			b = appendWrapped(b, fmt.Sprintf("%*s%-6s", flagColumn+2, "", f.name), strings.Repeat(" ", flagColumn+8), f.help.In(lang))
		}
	}
	return b
}

// appendColumns appends left and text in two columns, text starting at flagColumn (on the
// next line when left is wider) and wrapped under itself.
func appendColumns(b []byte, left, text string) []byte {
	pad := strings.Repeat(" ", flagColumn)
	if len(left) >= flagColumn-1 {
		b = append(append(b, left...), '\n')
		return appendWrapped(b, pad, pad, text)
	}
	return appendWrapped(b, left+pad[len(left):], pad, text)
}

// appendWrapped appends text wrapped to helpWidth, the first line starting with first and
// the others with rest. Hyphens do not end a line, so "--lang" or "-h" stays whole: they are
// wrapped as non-breaking hyphens (U+2011, one cell) and written back as "-".
func appendWrapped(b []byte, first, rest, text string) []byte {
	start := len(b)
	b = export.AppendWrapped(b, first, rest, strings.ReplaceAll(text, "-", "\u2011"), helpWidth)
	return append(b[:start], strings.ReplaceAll(string(b[start:]), "\u2011", "-")...)
}

// printHelp writes the help of cmd on stdout. Exit status 0.
func (e *env) printHelp(cmd *command, lang screening.Lang) int {
	if err := writeHelp(e.stdout, cmd, lang); err != nil {
		fmt.Fprintf(e.stderr, "exoscreen: %v\n", err)
		return exitFail
	}
	return exitOK
}

// helpCmd is `exoscreen help [COMMAND]`.
func (e *env) helpCmd(o *options, args []string) int {
	switch len(args) {
	case 0:
		return e.printHelp(rootCommand, o.lang)
	case 1:
		if c := lookupCommand(args[0]); c != nil && c.name != "" {
			return e.printHelp(c, o.lang)
		}
		return e.usageError("help", o.lang, usage("unknownCmd", args[0], commandList(o.lang)))
	}
	return e.usageError("help", o.lang, usage("maxOneArg", "help", "COMMAND"))
}

// commandList names the commands: "evaluate, lint, ...".
func commandList(lang screening.Lang) string {
	var names []string
	for _, c := range commands[1:] {
		names = append(names, c.name)
	}
	return strings.Join(names, usageMessages.Get(lang, "listSep"))
}
