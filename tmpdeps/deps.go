package tmpdeps

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/test"
	_ "go.etcd.io/bbolt"
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "golang.org/x/text/encoding/simplifiedchinese"
	_ "golang.org/x/text/unicode/norm"
	_ "golang.org/x/net/html"
	_ "github.com/xuri/excelize/v2"
	_ "github.com/ledongthuc/pdf"
)
