package export

import "github.com/exoscreen/exoscreen/screening"

// VerdictMeaning is the sentence the printed summary puts under the verdict, saying what the
// verdict means for the treatment, in lang ("An absolute contraindication was found: do not
// treat."). The screens show the same sentence, so screen and paper never say it differently.
func VerdictMeaning(v screening.Class, lang screening.Lang) string {
	if v < screening.None || v > screening.Absolute {
		return ""
	}
	return wordsFor(lang).verdictMeaning[v]
}
