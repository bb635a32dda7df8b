<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../src/indicite/ui/undo.py" line="+75"/>
        <source>Create “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cite another passage for “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/indicite/ui/about_dialog.py" line="+87"/>
        <source>About Indicite</source>
        <translation>关于 Indicite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter, cite, review and export economic indicators from source documents.</source>
        <translation>从来源文件中录入、引用、审核和导出经济指标。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs on:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open data &amp;folder</source>
        <translation>打开数据文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <location filename="../../src/indicite/ui/restore_dialog.py" line="+51"/>
        <source>Backed up at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../src/indicite/ui/comments_panel.py" line="+37"/>
        <source>Write a comment; Enter sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>returned it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageMeter</name>
    <message>
        <location filename="../../src/indicite/ui/coverage_meter.py" line="+38"/>
        <source>Finding numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No suggestions for this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{handled} of {total} numbers handled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/indicite/ui/crash.py" line="+69"/>
        <source>Indicite ran into a problem</source>
        <translation>Indicite 遇到了问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong that Indicite did not expect. What you saved is safe in the database; check the entry you were working on, then carry on. Please send the copied report or the log file to whoever supports Indicite for you.</source>
        <translation>Indicite 遇到了意外错误。已保存的内容都安全地保存在数据库中；请检查正在处理的条目，然后继续工作。请将复制的报告或日志文件发送给为您提供 Indicite 支持的人员。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open log &amp;folder</source>
        <translation>打开日志文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <location filename="../../src/indicite/ui/damaged_dialog.py" line="+26"/>
        <source>The database cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore the latest backup, from {time} (documents: {documents}, indicators: {indicators})? The damaged file is kept, unchanged, in the backups folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no backup of it; open another database with --db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation type="unfinished">退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup was not restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseWindows</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="+373"/>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save or cancel the indicator in the form, then open the database.</source>
        <translation>请先保存或取消表单中的指标，然后再打开数据库。</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../src/indicite/ui/document_list.py" line="+80"/>
        <source>Search title or issuer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location line="-47"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../src/indicite/ui/document_view.py" line="+388"/>
        <source>Page {page}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../src/indicite/ui/review_view.py" line="+184"/>
        <source>Edit indicator {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/indicite/ui/export_dialog.py" line="+133"/>
        <source>Export indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UTF-8 with BOM (Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB18030 (older Chinese software)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statuses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick at least one status to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exported {done} of {total} indicators…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/indicite/ui/document_view.py" line="-200"/>
        <source>Find in document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+80"/>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="-79"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import documents…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../src/indicite/ui/history_panel.py" line="+54"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../src/indicite/ui/background_import.py" line="+46"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Some files were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorForm</name>
    <message>
        <location filename="../../src/indicite/ui/indicator_form.py" line="+151"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From – to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As &amp;written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What is measured, e.g. 规上工业增加值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number, e.g. 4.2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the indicator (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a passage in the document and press Ctrl+Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>New indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indicator {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No indicator selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Warning: the cited passage does not contain “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../src/indicite/ui/indicator_model.py" line="+55"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../src/indicite/ui/i18n.py" line="+124"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/indicite/ui/main_window.py" line="+600"/>
        <source>Indicite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No document open</source>
        <translation>未打开文件</translation>
    </message>
    <message>
        <location line="-310"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document</source>
        <translation>文件内容(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Indicator</source>
        <translation>指标(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in document</source>
        <translation>在文件中查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search documents</source>
        <translation>搜索文件(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload from database</source>
        <translation>从数据库重新载入(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cite selection</source>
        <translation>引用所选文字(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add selection as citation</source>
        <translation>将所选文字添加为引文(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit indicator</source>
        <translation>编辑指标(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete indicator</source>
        <translation>删除指标(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next indicator</source>
        <translation>下一个指标(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous indicator</source>
        <translation>上一个指标(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter indicators</source>
        <translation>筛选指标(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;document</source>
        <translation>转到文件(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;indicator list</source>
        <translation>转到指标列表(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Indicite</source>
        <translation>关于 Indicite(&amp;A)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by name, subject, period, unit</source>
        <translation>按名称、主体、时期、单位筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Select a passage in the document first.</source>
        <translation>请先在文件中选择一段文字。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select an indicator and a passage in the document first.</source>
        <translation>请先选择一个指标，并在文件中选择一段文字。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Passage added to “{name}”.</source>
        <translation>已将这段文字添加到“{name}”。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deleted “{name}” ({keys} undoes).</source>
        <translation>已删除“{name}”（按 {keys} 撤销）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Someone else changed this entry since you opened it; reload it to see their change, then edit again.</source>
        <translation>您打开此条目后，其他人修改了它；请重新载入查看其修改，然后再编辑。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved “{name}”.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{title} – Indicite</source>
        <translation>{title} – Indicite</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Unsaved indicator</source>
        <translation>指标尚未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The indicator in the form is not saved yet. Save it before closing?</source>
        <translation>表单中的指标尚未保存。关闭前要保存吗？</translation>
    </message>
</context>
<context>
    <name>RecentDatabasesMenu</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="-108"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No recent databases</source>
        <translation>没有最近打开的数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/indicite/ui/restore_dialog.py" line="+34"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the backup to put back. What the database holds now is backed up first, so you can come back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no backups of this database yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The backup was not restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnNotice</name>
    <message>
        <location filename="../../src/indicite/ui/comments_panel.py" line="+45"/>
        <source>Returned by {who}: {body}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <location filename="../../src/indicite/ui/review_view.py" line="+449"/>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Review &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Submit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;turn with comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;open with comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Users and roles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why? (the enterer will see this)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location line="-572"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location line="+79"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Approve selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Approve (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why is it returned? Enter sends it back, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{new}  (was: {old})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{status} · entered by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Approved {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped {n}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="-72"/>
        <source>Welcome to Indicite</source>
        <translation>欢迎使用 Indicite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database has no documents yet. Start with one of these:</source>
        <translation>此数据库中还没有文件。请从以下方式之一开始：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import a document…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Word, PDF, web page or text file. You can also drop files on this window.</source>
        <translation>Word、PDF、网页或文本文件。也可以把文件拖放到此窗口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;sample document</source>
        <translation>打开示例文件(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A report by the Tianjin industry bureau, to try Indicite out.</source>
        <translation>天津市工业和信息化局的一篇报道，用来试用 Indicite。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another &amp;database…</source>
        <translation>打开其他数据库(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An Indicite database file that you or a colleague made earlier.</source>
        <translation>您或同事之前创建的 Indicite 数据库文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Import documents</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indicite databases ({patterns});;All files (*)</source>
        <translation>Indicite 数据库 ({patterns});;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/indicite/ui/indicator_model.py" line="-26"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <location filename="../../src/indicite/ui/suggestions_model.py" line="+51"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../src/indicite/ui/suggestions_panel.py" line="+87"/>
        <source>Accept “{value}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dismiss “{value}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+92"/>
        <source>&amp;Accept suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;unhandled number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Suggestions failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserPrompt</name>
    <message>
        <location filename="../../src/indicite/ui/user_prompt.py" line="+27"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name, as the history of each entry will show it:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../src/indicite/ui/users_dialog.py" line="+62"/>
        <source>Users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of a new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Four eyes: an editor cannot approve an entry they entered or last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Roles guard against mistakes, not against someone who edits the database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an admin can change users, roles and the four-eyes rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selected user:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location line="-46"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
