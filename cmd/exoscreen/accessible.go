package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui/accessible"
)

// wantsAccessible reports whether the screening must run line by line even without
// --accessible: TERM is dumb, or stdin or stdout is not a terminal (a pipe, a file).
func (e *env) wantsAccessible() bool {
	return os.Getenv("TERM") == "dumb" || !fileIsTerminal(e.stdin) || !fileIsTerminal(e.stdout)
}

// fileIsTerminal reports whether x is an *os.File on a terminal (a character device).
func fileIsTerminal(x any) bool {
	f, ok := x.(*os.File)
	if !ok || f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// runAccessible runs the line-by-line screening (ui/accessible) on e.stdin and e.stdout and
// prints the summary at the end; with exportPath it also writes the summary there (atomically,
// mode 0600). Exit status: 0 done, 1 the export could not be written (the summary is printed
// all the same) or output failed, 2 the input ended, was no usable answer, or the person
// quit (nothing is written then).
//
// When stdin is not a terminal the lines read are echoed (so that the transcript reads as a
// dialogue) and the first unusable line stops the screening: a script's next line belongs
// to the next question, so asking again would shift every answer after it.
func (e *env) runAccessible(rs *screening.RuleSet, lang screening.Lang, exportPath string) int {
	if exportPath != "" {
		// Refuse a path that cannot be written before the patient answers anything.
		if err := atomicfile.Check(exportPath); err != nil {
			fmt.Fprintf(e.stderr, "exoscreen: --export: %s\n", exportProblem(err, exportPath, lang))
			return exitUsage
		}
	}
	person := fileIsTerminal(e.stdin)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opt := accessible.Options{
		Lang:          lang,
		In:            e.stdin,
		Out:           e.stdout,
		Echo:          !person,
		StopOnInvalid: !person,
	}
	if exportPath != "" {
		opt.Save = func(res *screening.Result, m export.Meta) error {
			var b bytes.Buffer
			if err := export.WriteText(&b, res, m); err != nil {
				return err
			}
			return atomicfile.WriteFile(exportPath, b.Bytes(), 0o600)
		}
	}
	_, _, err := accessible.Run(ctx, rs, opt)
	var save *accessible.SaveError
	switch {
	case err == nil:
		if exportPath != "" {
			fmt.Fprintf(e.stderr, "exoscreen: %s\n", accessibleMsg(lang, "exported", export.Sanitize(exportPath)))
		}
		return exitOK
	case errors.As(err, &save):
		fmt.Fprintf(e.stderr, "exoscreen: %s\n", accessibleMsg(lang, "exportFailed", exportProblem(save.Err, exportPath, lang)))
		return exitFail
	case errors.Is(err, accessible.ErrQuit), errors.Is(err, accessible.ErrInputEnded),
		errors.Is(err, context.Canceled), isInvalid(err):
		fmt.Fprintf(e.stderr, "exoscreen: %s\n", accessible.Message(err, lang))
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "exoscreen: %v\n", err)
	return exitFail
}

func isInvalid(err error) bool {
	var inv *accessible.InvalidAnswerError
	return errors.As(err, &inv)
}

// exportProblem says in lang why path cannot be written (internal/fserr, the one message
// catalogue of file errors).
func exportProblem(err error, path string, lang screening.Lang) string {
	return accessibleMsg(lang, "exportCannot", export.Sanitize(path), fserr.Reason(err, lang))
}

var accessibleMessages = i18n.Catalog{
	"exported": {
		JA:     "結果を %s に保存しました（ファイルの権限 0600）。",
		EN:     "The result was saved to %s (file mode 0600).",
		ZhHans: "结果已保存到 %s（文件权限 0600）。",
		ZhHant: "結果已儲存到 %s（檔案權限 0600）。",
		KO:     "결과를 %s 에 저장했습니다(파일 권한 0600).",
	},
	"exportCannot": {
		JA:     "%s に書き込めません（%s）。",
		EN:     "cannot write %s: %s.",
		ZhHans: "无法写入 %s（%s）。",
		ZhHant: "無法寫入 %s（%s）。",
		KO:     "%s 에 쓸 수 없습니다(%s).",
	},
	"exportFailed": {
		JA:     "--export: %s 結果は上に表示したとおりです。",
		EN:     "--export: %s The result is printed above.",
		ZhHans: "--export: %s 结果如上所示。",
		ZhHant: "--export: %s 結果如上所示。",
		KO:     "--export: %s 결과는 위에 표시한 대로입니다.",
	},
}

func accessibleMsg(lang screening.Lang, key string, args ...any) string {
	return accessibleMessages.Get(lang, key, args...)
}
