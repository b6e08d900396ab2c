package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// Shortcuts of the main menu; the desktop driver runs them from anywhere in
// the window, and shows them beside their items.
var (
	keyNew       = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	keyOpen      = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	keyImport    = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	keyClose     = &desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}
	keyUndo      = &menuOnlyKey{desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}}
	keyRedo      = &menuOnlyKey{desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}}
	keyRedoAlt   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	keyFind      = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	keyFindAll   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	keyFindCode  = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault}
	keyNewCode   = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	keyFromSel   = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	keyInVivo    = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	keyMemo      = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault}
	keyRetrieve  = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	keyDocument  = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault}
	keyShortcuts = &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}
	keyQuit      = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	keyLeftPane  = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	keyRightPane = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	keyFocus     = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	digitKeys    = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
)

// menus is the project window's main menu, kept up to date with what undo
// and redo would do, the pinned codes and the grouping of documents.
type menus struct {
	ws         *workspace
	main       *fyne.MainMenu
	undo, redo *fyne.MenuItem
	byCase     *fyne.MenuItem
	byKind     *fyne.MenuItem
	pinned     [9]*fyne.MenuItem
	needSel    []*fyne.MenuItem // items that act on the selected text
	hadSel     bool

	panes [3]*fyne.MenuItem // View: the side panels and focus mode, ticked as they are
}

func newMenus(ws *workspace) *menus {
	m := &menus{ws: ws}
	a := ws.app
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		it.Shortcut = sc
		return it
	}
	export := fyne.NewMenuItem("Export", nil)
	export.ChildMenu = ws.exportMenu()
	file := fyne.NewMenu("File",
		item("New project…", keyNew, a.newProjectDialog),
		item("Open project…", keyOpen, a.openDialog),
		fyne.NewMenuItem("Open the demo project", a.openDemo),
		fyne.NewMenuItemSeparator(),
		item("Import a file…", keyImport, ws.importFilesDialog),
		fyne.NewMenuItem("Import a folder…", ws.importFolderDialog),
		fyne.NewMenuItem("Import REFI-QDA project or codebook…", ws.importExchangeDialog),
		fyne.NewMenuItem("Merge a colleague's project…", ws.mergeDialog),
		fyne.NewMenuItem("Import attributes…", ws.importAttributesDialog),
		fyne.NewMenuItem("Export attributes…", ws.exportAttributesDialog),
		export,
		fyne.NewMenuItem("Restore from backup…", a.restoreFromBackup),
		fyne.NewMenuItem("Change passphrase…", ws.changePassphraseDialog), // crypt.go
		fyne.NewMenuItem(ws.copyItemLabel(), ws.saveCopyDialog),
		fyne.NewMenuItemSeparator(),
		item("Close project", keyClose, a.closeToWelcome),
		fyne.NewMenuItemSeparator(),
		a.quitItem(),
	)
	m.undo = item("Undo", keyUndo, m.doUndo)
	m.redo = item("Redo", keyRedo, m.doRedo)
	m.undoKeys()
	edit := fyne.NewMenu("Edit", m.undo, m.redo,
		fyne.NewMenuItemSeparator(),
		item("Find in this document…", keyFind, ws.findInDocument),
		item("Search all documents…", keyFindAll, ws.search.focus),
		item("Find a code", keyFindCode, func() { ws.codes.focusFilter("") }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Coder name…", a.coderDialog),
	)
	fromSel := item("New code from selection…", keyFromSel, ws.newCodeFromSelection)
	inVivo := item("In-vivo code", keyInVivo, ws.inVivo)
	memo := item("Memo on the selection…", keyMemo, ws.memoOnSelection)
	m.needSel = []*fyne.MenuItem{fromSel, inVivo, memo}
	codeItems := []*fyne.MenuItem{
		item("New code…", keyNewCode, func() { ws.codes.addCodeDialog(ws.codes.selected) }),
		fromSel, inVivo, memo,
		fyne.NewMenuItem("Code a speaker's turns…", func() { ws.codeSpeakerDialog("") }),
		fyne.NewMenuItem("Correct the text…", ws.correctTextDialog),
		ws.turnsMenuItem(false),
		fyne.NewMenuItem("Suggest codings…", ws.suggestCodings),
		fyne.NewMenuItemSeparator(),
	}
	for i := range m.pinned {
		k := i + 1
		m.pinned[i] = item("", &desktop.CustomShortcut{KeyName: digitKeys[i], Modifier: fyne.KeyModifierShortcutDefault}, func() { ws.applyPinned(k) })
		codeItems = append(codeItems, m.pinned[i])
	}
	codeItems = append(codeItems, fyne.NewMenuItemSeparator(),
		item("Retrieve the selected code", keyRetrieve, func() {
			if ws.codes.selected != "" {
				ws.retrieve.show([]qda.ID{ws.codes.selected})
			} else {
				ws.centre.Select(ws.retrieveTab)
			}
		}))
	code := fyne.NewMenu("Code", codeItems...)
	m.byCase = fyne.NewMenuItem("Group documents by case", func() { ws.documents.setGroupByKind(false) })
	m.byKind = fyne.NewMenuItem("Group documents by kind", func() { ws.documents.setGroupByKind(true) })
	view := fyne.NewMenu("View", m.byCase, m.byKind,
		fyne.NewMenuItemSeparator(),
		item("Document", keyDocument, ws.focusText),
		fyne.NewMenuItem("Retrieve", func() { ws.centre.Select(ws.retrieveTab) }),
		fyne.NewMenuItem("Search", func() { ws.centre.Select(ws.searchTab) }),
		fyne.NewMenuItem("Memos", func() { ws.left.Select(ws.leftMemos) }),
		fyne.NewMenuItem("Cases", func() { ws.left.Select(ws.leftCases) }),
		fyne.NewMenuItem("Attributes table", func() { ws.showAttributes(qda.ScopeCase) }),
		ws.codes.byCoder.item, // codebook_coders.go
		fyne.NewMenuItemSeparator(),
		m.paneItem(0, item("Documents, cases and memos panel", keyLeftPane, func() { ws.togglePane(0) })),
		m.paneItem(1, item("Codebook panel", keyRightPane, func() { ws.togglePane(1) })),
		m.paneItem(2, item("Focus on the document", keyFocus, ws.toggleFocus)),
	)
	tools := fyne.NewMenu("Tools",
		fyne.NewMenuItem("Analysis…", ws.showAnalysis),
		fyne.NewMenuItem("Pseudonyms…", ws.showPseudonyms),
		fyne.NewMenuItem("Rebuild search index", ws.rebuildIndex),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Guided tour", ws.startTour),
		fyne.NewMenuItem("Search syntax", ws.showSearchHelp),
		item("Keyboard shortcuts", keyShortcuts, func() { showShortcuts(ws.win) }),
		fyne.NewMenuItem("About Coder", func() { showAbout(ws.win) }),
	)
	m.main = fyne.NewMainMenu(file, edit, code, view, tools, help)
	m.update()
	return m
}

// update relabels undo, redo and the pinned codes and ticks the grouping.
func (m *menus) update() {
	ws := m.ws
	label := func(verb, action string, it *fyne.MenuItem) {
		it.Label, it.Disabled = verb, action == ""
		if action != "" {
			it.Label = verb + " " + action
		}
	}
	label("Undo", ws.p.CanUndo(), m.undo)
	label("Redo", ws.p.CanRedo(), m.redo)
	for i, it := range m.pinned {
		it.Label = fmt.Sprintf("Apply pinned code %d", i+1)
		it.Disabled = true
		if c, ok := ws.tree.Code(ws.pinned[i]); ok {
			it.Label += ": " + c.Name
			it.Disabled = false
		}
	}
	byKind := ws.documents != nil && ws.documents.groupBy.Selected == "Kind"
	m.byKind.Checked, m.byCase.Checked = byKind, !byKind
	m.checkPanes()
	m.hadSel = !ws.view.Selection().Empty()
	for _, it := range m.needSel {
		it.Disabled = !m.hadSel
	}
	m.main.Refresh()
}

// updateSelection enables the items that need selected text, refreshing the
// menu only when that changes.
func (m *menus) updateSelection() {
	if has := !m.ws.view.Selection().Empty(); has != m.hadSel {
		m.update()
	}
}

// menuOnlyKey is a key shown beside a menu item that the window does not
// route to the item. The desktop driver hands a key to a main-menu item
// with a shortcut of the same name before the focused widget sees it; with
// the undo and redo keys on Edit ▸ Undo and Redo, Ctrl+Z in a text field
// would undo the last coding rather than the typing, or (when the item
// forwarded it) the menu's "Undo Apply code" would undo the typing. So the
// items only show the keys; the keys reach a text field as its own undo,
// and anywhere else the window's shortcuts (undoKeys) undo the project.
type menuOnlyKey struct{ desktop.CustomShortcut }

// ShortcutName differs from the name of any key the driver sends.
func (k *menuOnlyKey) ShortcutName() string { return "Menu" + k.CustomShortcut.ShortcutName() }

// undoKeys makes Ctrl+Z undo and Ctrl+Shift+Z and Ctrl+Y redo the project
// when the keyboard is not in a text field (the document view passes them
// on to the window).
func (m *menus) undoKeys() {
	ws := m.ws
	c := ws.win.Canvas()
	run := func(fn func()) func(fyne.Shortcut) {
		return func(fyne.Shortcut) {
			if ws.app.ws == ws {
				fn()
			}
		}
	}
	c.AddShortcut(&fyne.ShortcutUndo{}, run(m.doUndo))
	c.AddShortcut(&fyne.ShortcutRedo{}, run(m.doRedo))
	c.AddShortcut(keyRedoAlt, run(m.doRedo))
}

// doUndo undoes the project action the Undo item names, wherever the
// keyboard is.
func (m *menus) doUndo() {
	if _, err := m.ws.p.Undo(); err != nil {
		m.ws.showError(err)
	}
	m.update()
}

func (m *menus) doRedo() {
	if _, err := m.ws.p.Redo(); err != nil {
		m.ws.showError(err)
	}
	m.update()
}

// welcomeMenu is the menu while no project is open.
func (a *App) welcomeMenu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem("New project…", a.newProjectDialog)
	newItem.Shortcut = keyNew
	open := fyne.NewMenuItem("Open project…", a.openDialog)
	open.Shortcut = keyOpen
	return fyne.NewMainMenu(
		fyne.NewMenu("File", newItem, open, fyne.NewMenuItem("Open the demo project", a.openDemo),
			fyne.NewMenuItem("Restore a project from backup…", a.restoreFromBackup),
			fyne.NewMenuItemSeparator(), a.quitItem()),
		fyne.NewMenu("Help",
			fyne.NewMenuItem("Guided tour", a.tourOnDemo),
			fyne.NewMenuItem("Keyboard shortcuts", func() { showShortcuts(a.win) }),
			fyne.NewMenuItem("About Coder", func() { showAbout(a.win) })),
	)
}

// quitItem is File ▸ Quit with Ctrl+Q, which Fyne's own Quit item lacks on
// Linux and Windows; it goes through quit, so the window's size and the open
// project are remembered as when the window is closed.
func (a *App) quitItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("Quit", a.quit)
	it.IsQuit = true
	it.Shortcut = keyQuit
	return it
}

// shortcutsHelp lists the keys that are not in the menus.
const shortcutsHelp = `In the document
  drag, Shift+arrows, Shift+click    select text
  double-click, triple-click         select a word, a passage
  PageUp, PageDown                   move a page (with Shift, selecting)
  Ctrl+Home, Ctrl+End                go to the start, the end of the document
  Ctrl+F                             find in this document: Enter next, Shift+Enter
                                     previous, Escape closes and selects the match
  Ctrl+Shift+F                       search all documents (the Search tab)
  right-click                        code, new code, in-vivo code, memo, uncode
  click a coded passage              its codes, coder, date and memo, and Uncode
  1 … 9                              code the selection with the pinned code
  typing letters                     find a code; Enter codes the selection with it
  Ctrl+C, Ctrl+A                     copy, select all
  Escape, Return                     close a pop-up or a message
  Ctrl+Z in a text field             undo the typing there (Edit ▸ Undo undoes the project)

In the codebook
  right-click a code                 pin to a key, rename, colour, move, merge, delete
  drag a code onto another           move it under that code
  Ctrl+K then Down, or click a code  put the keyboard on the codes
  arrows                             select a code; Left/Right close/open it
  Shift+F10, Menu key                the selected code's menu
  F2                                 rename the selected code
  M, Shift+M                         move it to…, merge it into…
  C                                  change its colour
  Delete                             delete it
  1 … 9, 0                           pin it to that key; 0 unpins

In the document list
  Up, Down, Left, Right              move the focus ring; close, open a group
  Enter, Space                       open the document (Enter: and type in its text)
  Tab                                go to the document's text
  typing letters                     filter the list by name, kind or case

Everything else is in the menus, with its shortcut beside it.`

// findInDocument opens the find bar over the document shown; with no
// document in view, Ctrl+F searches the project instead.
func (ws *workspace) findInDocument() {
	if ws.doc == nil || ws.centre.Selected() != ws.docTab {
		ws.search.focus()
		return
	}
	ws.hideCodingPopup() // it would keep the keyboard from the find bar
	ws.view.ShowFind()
}

func showShortcuts(w fyne.Window) {
	l := widget.NewLabelWithStyle(shortcutsHelp, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	showMessage(dialog.NewCustom("Keyboard shortcuts", "Close", l, w), w)
}

func showAbout(w fyne.Window) {
	showMessage(dialog.NewInformation("About Coder", "Coder 0.1.0\nQualitative coding for case-study research: offline, one file per project,\nEnglish and Chinese, REFI-QDA exchange.", w), w)
}
