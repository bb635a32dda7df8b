<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/indicite/ui/about_dialog.py" line="+88"/>
        <source>About Indicite</source>
        <translation>关于 Indicite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter, cite, review and export economic indicators from source documents.</source>
        <translation>从原文中录入、引用、审核和导出经济指标。</translation>
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
    <name>AccessibleNames</name>
    <message>
        <location filename="../../src/indicite/ui/comfort.py" line="+136"/>
        <source>Search documents</source>
        <translation>搜索文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文档列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document text</source>
        <translation>文档正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter indicators</source>
        <translation>筛选指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show status</source>
        <translation>按状态显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicators of this document</source>
        <translation>本文档的指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested numbers</source>
        <translation>建议的数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator form</source>
        <translation>指标表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cited passage in its document</source>
        <translation>所引原文及其文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All indicators</source>
        <translation>全部指标</translation>
    </message>
</context>
<context>
    <name>AllIndicatorsMode</name>
    <message>
        <location filename="../../src/indicite/ui/all_indicators.py" line="+197"/>
        <source>&amp;All indicators</source>
        <translation>全部指标(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search all indicators</source>
        <translation>搜索全部指标(&amp;S)</translation>
    </message>
</context>
<context>
    <name>AllIndicatorsView</name>
    <message>
        <location line="-80"/>
        <source>Search names and quoted passages of all documents</source>
        <translation>搜索所有文档的指标名称和引用原文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n indicator(s)</source>
        <translation>
            <numerusform>%n 条指标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>First %n matches; add words to narrow the search</source>
        <translation>
            <numerusform>前 %n 条结果；添加词语以缩小搜索范围</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <location filename="../../src/indicite/ui/restore_dialog.py" line="+63"/>
        <source>Backed up at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../src/indicite/ui/bulk_actions.py" line="+42"/>
        <source>Change &amp;period or subject of selected…</source>
        <translation>更改所选条目的统计期或主体(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit all &amp;drafts of this document</source>
        <translation>提交本文档的全部草稿(&amp;D)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No drafts to submit in this document.</source>
        <translation>本文档没有可提交的草稿。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Submitted {n} for review ({keys} undoes).</source>
        <translation>已提交 {n} 条待审核（{keys} 可撤销）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deleted {n} entries ({keys} undoes).</source>
        <translation>已删除 {n} 条（{keys} 可撤销）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Changed {n} entries ({keys} undoes).</source>
        <translation>已修改 {n} 条（{keys} 可撤销）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skipped {n}:</source>
        <translation>跳过 {n} 条：</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../src/indicite/ui/bulk_edit_dialog.py" line="+51"/>
        <source>Change selected entries</source>
        <translation>修改所选条目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New values for all {n} selected entries; an empty field stays as it is.</source>
        <translation>为所选的全部 {n} 条填写新值；留空的字段保持不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Period</source>
        <translation>统计期(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject</source>
        <translation>主体(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 2025年1—11月</source>
        <translation>例如 2025年1—11月</translation>
    </message>
</context>
<context>
    <name>CatalogActions</name>
    <message>
        <location filename="../../src/indicite/ui/catalog/actions.py" line="+40"/>
        <source>Catalog of &amp;indicators…</source>
        <translation>指标目录(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Series across documents…</source>
        <translation>跨文档序列(&amp;S)…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Select an indicator first.</source>
        <translation>请先选择一个指标。</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../src/indicite/ui/catalog/window.py" line="+58"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>度量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of</source>
        <translation>上级指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries</source>
        <translation>条目数</translation>
    </message>
</context>
<context>
    <name>CatalogWindow</name>
    <message>
        <location line="+182"/>
        <source>Catalog of indicators</source>
        <translation>指标目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by code, name or alias</source>
        <translation>按代码、名称或别名筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge two…</source>
        <translation>合并两项(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Load from file…</source>
        <translation>从文件导入(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save to file…</source>
        <translation>保存到文件(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select two items: the second is merged into the first</source>
        <translation>选择两项：第二项并入第一项</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Merge catalog items</source>
        <translation>合并目录项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge {gone} ({gone_name}, {count} entries) into {keep} ({keep_name})? Its entries move over and its name becomes an alias.</source>
        <translation>将 {gone}（{gone_name}，{count} 条）并入 {keep}（{keep_name}）？其条目将转入，其名称成为别名。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Merged {gone} into {keep}.</source>
        <translation>已将 {gone} 并入 {keep}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load catalog</source>
        <translation>导入目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catalog (*.csv *.xlsx)</source>
        <translation>目录 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{added} added, {updated} updated.</source>
        <translation>新增 {added} 项，更新 {updated} 项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not loaded: {rows}</source>
        <translation>未导入：{rows}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save catalog</source>
        <translation>保存目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catalog (*.xlsx *.csv)</source>
        <translation>目录 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../src/indicite/ui/catalog/check_texts.py" line="+13"/>
        <source>{value} differs from {other_value} in entry {other_id} (same indicator, period and kind)</source>
        <translation>{value} 与条目 {other_id} 的 {other_value} 不一致（同一指标、时期和数值类型）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{previous} → {value} is {implied} growth, but entry {other_id} says {growth}</source>
        <translation>{previous} → {value} 意味着增长 {implied}，但条目 {other_id} 为 {growth}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a change in percentage points is entered with the unit %</source>
        <translation>百分点变化却以 % 为单位录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {measure} is entered in percentage points; use % or measure change_pp</source>
        <translation>{measure} 以百分点录入；请用 % 或将度量改为百分点变化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its parts add up to {parts}, more than the total {value} (entry {other_id})</source>
        <translation>各分项合计 {parts}，超过总量 {value}（条目 {other_id}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this part ({value}) is greater than its total {total} (entry {other_id})</source>
        <translation>该分项（{value}）大于其总量 {total}（条目 {other_id}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a share of {value}% is more than 100%</source>
        <translation>比重 {value}% 超过 100%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a count cannot be negative ({value})</source>
        <translation>数量不能为负（{value}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the cited passage says {cited}, not {value}</source>
        <translation>引文中为 {cited}，而不是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is far from the rest of its series (median {median}, robust z {z})</source>
        <translation>{value} 明显偏离该序列其他数值（中位数 {median}，稳健 z 值 {z}）</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../src/indicite/ui/comments_panel.py" line="+58"/>
        <source>Write a comment; Enter sends</source>
        <translation>输入意见，按 Enter 发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>returned it</source>
        <translation>退回此条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopened it</source>
        <translation>重新打开此条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrote</source>
        <translation>留言</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No comments yet.</source>
        <translation>暂无意见。</translation>
    </message>
</context>
<context>
    <name>CoverageMeter</name>
    <message>
        <location filename="../../src/indicite/ui/coverage_meter.py" line="+39"/>
        <source>Finding numbers…</source>
        <translation>正在查找数字…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No suggestions for this document</source>
        <translation>本文档没有建议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{handled} of {total} numbers handled</source>
        <translation>已处理 {handled}/{total} 个数字</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/indicite/ui/crash.py" line="+77"/>
        <source>Indicite ran into a problem</source>
        <translation>Indicite 遇到了问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong that Indicite did not expect. What you saved is safe in the database; check the entry you were working on, then carry on. Please send the copied report or the log file to whoever supports Indicite for you.</source>
        <translation>Indicite 出现了意外错误。已保存的内容都安全地存放在数据库中；请检查正在处理的条目，然后继续工作。请将复制的报告或日志文件发送给为您提供 Indicite 技术支持的人员。</translation>
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
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore the latest backup, from {time} (documents: {documents}, indicators: {indicators})? The current file is kept, unchanged, in the backups folder.</source>
        <translation>是否恢复最新的备份（{time}，文档：{documents}，指标：{indicators}）？当前文件会原样保留在备份文件夹中。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Restore backup</source>
        <translation>恢复备份(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no backup of it; open another database with --db.</source>
        <translation>该数据库没有备份；请用 --db 打开其他数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup was not restored</source>
        <translation>未能恢复备份</translation>
    </message>
</context>
<context>
    <name>DatabaseWindows</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="+479"/>
        <location line="+42"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Save or cancel the indicator in the form, then open the database.</source>
        <translation>请先保存或取消表单中的指标，再打开数据库。</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../src/indicite/ui/document_list.py" line="+109"/>
        <source>Search title or issuer</source>
        <translation>搜索标题或发布机构</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location line="-36"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>DocumentPropertiesDialog</name>
    <message>
        <location filename="../../src/indicite/ui/document_properties.py" line="+97"/>
        <source>Document properties</source>
        <translation>文档属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issuer:</source>
        <translation>发布机构(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>发布日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source &amp;URL:</source>
        <translation>来源网址(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;subject:</source>
        <translation>默认主体(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ype:</source>
        <translation>文档类型(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters:</source>
        <translation>字数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>原始文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text SHA-256:</source>
        <translation>正文 SHA-256：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported:</source>
        <translation>导入时间：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The body that published it</source>
        <translation>发布该文档的机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>如 2025-11-30</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Periods such as 1—11月 are read against this date.</source>
        <translation>按此日期确定“1—11月”等统计期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 天津</source>
        <translation>例如 天津</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled in for new indicators.</source>
        <translation>新建指标时自动填入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{at} by {who}</source>
        <translation>{at}（{who}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give the document a title.</source>
        <translation>请填写文档标题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the date as YYYY-MM-DD, e.g. 2025-12-20.</source>
        <translation>日期请按 YYYY-MM-DD 格式填写，例如 2025-12-20。</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../src/indicite/ui/document_view.py" line="+693"/>
        <source>Original &amp;page</source>
        <translation>原始页面(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the original PDF page instead of the text ({key})</source>
        <translation>显示 PDF 原始页面而非文本（{key}）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The original PDF cannot be shown.</source>
        <translation>无法显示原始 PDF。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no citation boxes: the text does not match this file</source>
        <translation>无引文框：文本与此文件不一致</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../src/indicite/ui/review_view.py" line="+274"/>
        <source>Edit indicator {id}</source>
        <translation>编辑指标 {id}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/indicite/ui/error_texts.py" line="+13"/>
        <source>passage {start}–{end} is outside the document</source>
        <translation>第 {start}–{end} 个字符的原文超出了文档范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a number; type digits such as 4.2</source>
        <translation>“{text}”不是数字；请输入数字，例如 4.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is too close to zero to store; check the number</source>
        <translation>“{text}”太接近零，无法保存；请检查数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is too large a number to store; check the number</source>
        <translation>“{text}”数值过大，无法保存；请检查数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The indicator needs a name</source>
        <translation>请填写指标名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A range needs a low value and a high value not below it</source>
        <translation>范围需要下限值，且上限值不得低于下限值</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Unknown measure “{measure}”</source>
        <translation>未知的指标类型“{measure}”</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The code “{code}” must be 1–40 letters, digits, dots, dashes or underscores</source>
        <translation>代码“{code}”须为 1–40 个字母、数字、点、连字符或下划线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog item needs a name</source>
        <translation>目录项需要名称</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown qualifier “{qualifier}”</source>
        <translation>未知的限定词“{qualifier}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown kind “{kind}”; use {known}</source>
        <translation>未知的数值类型“{kind}”；请用 {known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period ends before it starts</source>
        <translation>统计期的结束日期早于开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a date (YYYY-MM-DD)</source>
        <translation>“{text}”不是日期（格式为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry was deleted; restore it first.</source>
        <translation>此条目已被删除；请先恢复它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an editor can {action} an entry; your role is {role}.</source>
        <translation>只有审核员才能对条目执行“{action}”；您的角色是 {role}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry is {status}, so it cannot be {past}.</source>
        <translation>此条目的状态是“{status}”，因此不能执行“{past}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was returned and has not changed since: fix it (or explain in Notes) before submitting it again.</source>
        <translation>此条目被退回后尚未修改：请先改正（或在备注中说明），再重新提交。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a comment saying why before you {action} it.</source>
        <translation>执行“{action}”前，请先填写意见说明原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry is approved and locked; an editor must reopen it before it changes.</source>
        <translation>此条目已通过审核并已锁定；须由审核员重新打开后才能修改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Four eyes: you {who} this entry, so another editor must approve it.</source>
        <translation>双人审核：此条目是您{who}的，因此须由另一位审核员审核通过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A cited passage no longer matches the document; fix the citation first.</source>
        <translation>有一段引文与文档原文不再一致；请先修正引文。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{database} is still there, so the backup was not put in its place; close every program using it and try again.</source>
        <translation>{database} 仍然存在，因此没有用备份替换它；请关闭所有正在使用它的程序后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no catalog item {item_id}.</source>
        <translation>不存在目录项 {item_id}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no folder {folder}; check the path (folders are not created for you).</source>
        <translation>文件夹 {folder} 不存在；请检查路径（不会自动创建文件夹）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no database at {path}; check --db, or create one with `indicite --db {path} import --create FILE`.</source>
        <translation>{path} 处没有数据库；请检查 --db，或用 `indicite --db {path} import --create FILE` 新建一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is another program&apos;s SQLite database, not an Indicite one; it was not changed. Open an Indicite database or create a new one.</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是 Indicite 数据库；文件未被改动。请打开 Indicite 数据库或新建一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was written by a newer version of Indicite; install the newer version to open it (the file was not changed)</source>
        <translation>{path} 由更新版本的 Indicite 写入；请安装新版本后再打开（文件未被改动）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满：未保存任何内容。请腾出一些空间后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database file is read-only: nothing was saved. Check the file&apos;s permissions or open a copy.</source>
        <translation>数据库文件为只读：未保存任何内容。请检查文件权限，或打开一份副本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another program kept the database busy: nothing was saved. Try again in a moment.</source>
        <translation>另一个程序正在占用数据库：未保存任何内容。请稍后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database file could not be written (disk or network problem): nothing was saved.</source>
        <translation>无法写入数据库文件（磁盘或网络故障）：未保存任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no document {doc_id}; `indicite docs` lists them.</source>
        <translation>没有编号为 {doc_id} 的文档；可用 `indicite docs` 查看所有文档。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} failed SQLite&apos;s integrity check ({detail}). It was not opened or changed; restore a backup (File → Restore) or open another database.</source>
        <translation>{path} 未通过 SQLite 完整性检查（{detail}）。文件未被打开或改动；请恢复备份（文件 → 从备份恢复）或打开其他数据库。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be opened ({detail}). That may be the disk, the network or the file&apos;s permissions rather than the file itself; it was not changed. Try again, or restore a backup.</source>
        <translation>无法打开 {path}（{detail}）。原因可能在磁盘、网络或文件权限，而不一定是文件本身；文件未被改动。请重试，或恢复备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not an Indicite database: it is not an SQLite file at all. It was not changed; choose another file, or restore a backup.</source>
        <translation>{path} 不是 Indicite 数据库：它根本不是 SQLite 文件。文件未被改动；请选择其他文件，或恢复备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is cut short: the file is smaller than its own header says (an interrupted copy or a full disk). It was not opened or changed; restore a backup (File → Restore) or open another database.</source>
        <translation>{path} 不完整：文件比其文件头声明的要小（可能是复制中断或磁盘已满）。文件未被打开或改动；请恢复备份（文件 → 从备份恢复）或打开其他数据库。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another program kept {path} busy while it was checked; try again in a moment.</source>
        <translation>检查 {path} 时另一个程序正在占用它；请稍后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no indicator {ind_id}.</source>
        <translation>没有编号为 {ind_id} 的指标。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else changed this entry since you opened it; reload it to see their change, then edit again.</source>
        <translation>在您打开此条目后，有其他人修改了它；请重新载入查看对方的修改，然后再编辑。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is the open database {database} (or its journal); only SQLite may write it — choose another file.</source>
        <translation>{path} 是已打开的数据库 {database}（或其日志文件）；只能由 SQLite 写入——请选择其他文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url} asks for a password; type it, or keep it in ~/.pgpass, PGPASSWORD or the keychain.</source>
        <translation>{url} 需要密码；请输入密码，或将其保存在 ~/.pgpass、PGPASSWORD 或系统钥匙串中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the password for {url}; check it and try again.</source>
        <translation>服务器拒绝了 {url} 的密码；请检查后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url} is not a valid database address: {reason}</source>
        <translation>{url} 不是有效的数据库地址：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keychain did not keep the password: {reason}</source>
        <translation>系统钥匙串未能保存密码：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not connect to {url}: {reason}. Check that the server is running, the address, the user and the password (in ~/.pgpass, PGPASSWORD or the keychain).</source>
        <translation>无法连接到 {url}：{reason}。请检查服务器是否在运行，以及地址、用户名和密码（~/.pgpass、PGPASSWORD 或系统钥匙串中的）是否正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database server refused this: {reason}</source>
        <translation>数据库服务器拒绝了此操作：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another desk changed the same rows at the same moment: nothing was saved. Try again.</source>
        <translation>另一台电脑同时修改了相同的记录：未保存任何内容。请重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database server could not be reached: nothing was saved. Check the network and try again.</source>
        <translation>无法连接数据库服务器：未保存任何内容。请检查网络后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s disk is full: nothing was saved. Tell its administrator.</source>
        <translation>服务器磁盘已满：未保存任何内容。请告知服务器管理员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the login {name}: {reason}</source>
        <translation>服务器拒绝了登录名 {name}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database server could not be reached: other desks&apos; changes are not shown until it is back.</source>
        <translation>无法连接数据库服务器：恢复连接之前，不会显示其他电脑所做的更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} holds another program&apos;s tables, not an Indicite database; it was not changed. Give an empty database or an Indicite one.</source>
        <translation>{path} 中是其他程序的数据表，不是 Indicite 数据库；未作任何更改。请指定一个空数据库或 Indicite 数据库。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was written by a newer version of Indicite; install the newer version to open it (the database was not changed)</source>
        <translation>{path} 由更新版本的 Indicite 写入；请安装新版本后再打开（数据库未作更改）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} needs changes to its tables that only its owner can make: ask them to open it once with this version of Indicite.</source>
        <translation>{path} 的数据表需要更新，只有其所有者才能进行：请其用此版本的 Indicite 打开一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the owner of {database} (the login that created its tables) can copy a project into it; nothing was changed.</source>
        <translation>只有 {database} 的所有者（创建其数据表的登录名）才能向其中复制项目；未作任何改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copying table {table} failed: {reason}. Nothing was written to the target.</source>
        <translation>复制数据表 {table} 失败：{reason}。目标中未写入任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The source refers to rows it does not hold ({detail}); nothing was written to the target. Check the source with `indicite verify`.</source>
        <translation>源数据库引用了其中不存在的记录（{detail}）；目标中未写入任何内容。请用 `indicite verify` 检查源数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} has no code and name columns (代码, 名称); see docs/catalog.md</source>
        <translation>{name} 缺少代码和名称列（代码、名称）；见 docs/catalog.md</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: a catalog is a .csv or .xlsx file</source>
        <translation>{name}：目录须为 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a readable Word document (damaged, or not really a .docx); open it in Word, save it as .docx and import again</source>
        <translation>{name} 不是可读取的 Word 文档（已损坏，或并非真正的 .docx）；请用 Word 打开，另存为 .docx 后重新导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} has no text layer (a scanned PDF): install the OCR extra (pip install &quot;indicite[ocr]&quot;) or run OCR in another program, then import it again</source>
        <translation>{name} 没有文字层（扫描版 PDF）：请安装 OCR 扩展（pip install &quot;indicite[ocr]&quot;）或先用其他程序做文字识别，再导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a picture of text: install the OCR extra (pip install &quot;indicite[ocr]&quot;), then import it again</source>
        <translation>{name} 是图片：请安装 OCR 扩展（pip install &quot;indicite[ocr]&quot;）后再导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} has no text layer and no text was recognised on its pages; check that it is the right file</source>
        <translation>{name} 没有文字层，页面上也未识别出文字；请检查是否选对了文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name}: no text was recognised in the picture</source>
        <translation>{name}：图片中未识别出文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a picture that can be read, or it is damaged; check that it is the right file</source>
        <translation>{name} 不是可读取的图片，或已损坏；请检查是否选对了文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} is not readable text: byte {offset} (0x{byte:02X}) does not fit its encoding (tried {tried}); save it as UTF-8 and import again</source>
        <translation>{name} 不是可读的文本：第 {offset} 字节（0x{byte:02X}）不符合其编码（已尝试 {tried}）；请另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a binary file, not text: byte {offset} is a NUL (tried UTF-8, UTF-16 and GB18030); import the original .txt, .md, .docx, .pdf or .html file</source>
        <translation>{name} 是二进制文件，不是文本：第 {offset} 字节是 NUL（已尝试 UTF-8、UTF-16 和 GB18030）；请导入原始的 .txt、.md、.docx、.pdf 或 .html 文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{target} already holds data ({held}); copy into a new file or an empty database. Nothing was changed.</source>
        <translation>{target} 中已有数据（{held}）；请复制到新文件或空数据库。未作任何改动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy&apos;s citations do not check out ({problem}); nothing was written to the target.</source>
        <translation>副本中的引用未通过核对（{problem}）；目标中未写入任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy does not hold every row read ({details}); nothing was written to the target.</source>
        <translation>副本未包含读取的全部记录（{details}）；目标中未写入任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table {table} of {where} does not have the columns this version of Indicite expects; open it with this version first. Nothing was copied.</source>
        <translation>{where} 的数据表 {table} 与本版本 Indicite 所需的列不一致；请先用本版本打开它。未复制任何内容。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The server has a user {name} already; choose another name or change their role.</source>
        <translation>服务器上已有用户 {name}；请另选名称，或更改其角色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password is empty; type one, or give --no-password.</source>
        <translation>密码为空；请输入密码，或使用 --no-password。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何更改。</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>{name} is damaged or truncated and cannot be read; download or export the PDF again and import the new copy</source>
        <translation>{name} 已损坏或不完整，无法读取；请重新下载或导出 PDF，再导入新文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is not a PDF file (no PDF header); check that it is the right file</source>
        <translation>{name} 不是 PDF 文件（没有 PDF 文件头）；请确认文件是否正确</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} has no pages; check that it is the right file</source>
        <translation>{name} 没有任何页面；请确认文件是否正确</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is password-protected: remove the password and import again</source>
        <translation>{name} 设有密码保护：请去除密码后重新导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is larger than the {limit_mb} MB import limit; split it into smaller files</source>
        <translation>{name} 超过了 {limit_mb} MB 的导入上限；请拆分为较小的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} does not exist; check the name and folder</source>
        <translation>{path} 不存在；请检查文件名和文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a folder, not a file; choose the files inside it</source>
        <translation>{name} 是文件夹，不是文件；请选择其中的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: files without an extension cannot be imported; supported: {supported}</source>
        <translation>{name}：无法导入没有扩展名的文件；支持的格式：{supported}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a regular file; copy it to a normal file first</source>
        <translation>{name} 不是普通文件；请先将其复制为普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is empty (0 bytes); check that it is the right file</source>
        <translation>{name} 是空文件（0 字节）；请确认文件是否正确</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} holds {chars:,} characters, over the limit of {limit:,}; split it into smaller documents</source>
        <translation>{name} 含 {chars:,} 个字符，超过 {limit:,} 的上限；请拆分为较小的文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} contains no text; check that it is the right file</source>
        <translation>{name} 中没有文字；请确认文件是否正确</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: &apos;{suffix}&apos; files cannot be imported; supported: {supported}</source>
        <translation>{name}：无法导入“{suffix}”文件；支持的格式：{supported}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} cannot be read ({reason}); check its permissions</source>
        <translation>无法读取 {name}（{reason}）；请检查文件权限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is not a readable Excel workbook (damaged, or not really an .xlsx); open it in Excel, save it as .xlsx and import again</source>
        <translation>{name} 不是可读取的 Excel 工作簿（已损坏，或并非真正的 .xlsx 文件）；请在 Excel 中打开，另存为 .xlsx 后再导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: sheet {sheet} has more than {limit} cells; split it into smaller files</source>
        <translation>{name}：工作表 {sheet} 的单元格超过 {limit} 个；请拆分为较小的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: load reads .csv, .xlsx, .xls, .ods or .json files</source>
        <translation>{name}：载入只支持 .csv、.xlsx、.xls、.ods 或 .json 文件</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>{path} does not exist or is not a file</source>
        <translation>{path} 不存在或不是文件</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{name} is larger than the {limit_mb} MB load limit; split it into smaller files</source>
        <translation>{name} 超过 {limit_mb} MB 的载入上限；请拆分为较小的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}, sheet citations, row {row}: {reason}</source>
        <translation>{name}，citations 工作表，第 {row} 行：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: expected a list of indicators</source>
        <translation>{name}：内容应为指标列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} cannot be read ({reason})</source>
        <translation>无法读取 {name}（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: cells {first} and {second} both name the column “{column}”; rename or delete one of them</source>
        <translation>{name}：单元格 {first} 和 {second} 都命名为列“{column}”；请重命名或删除其中一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} has more than {limit:,} rows, the load limit; split it into smaller files</source>
        <translation>{name} 超过 {limit:,} 行的载入上限；请拆分为较小的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}, row {row}: {detail}; check the quotes in that row (a field that opens a quote must close it)</source>
        <translation>{name}，第 {row} 行：{detail}；请检查该行的引号（字段中开始的引号必须闭合）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a readable spreadsheet ({detail})</source>
        <translation>{name} 不是可读取的电子表格（{detail}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a JSON export ({detail})</source>
        <translation>{name} 不是导出的 JSON 文件（{detail}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is nested too deeply to be a list of indicators</source>
        <translation>{name} 嵌套层级过深，不是指标列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: item {number} is not an indicator object</source>
        <translation>{name}：第 {number} 项不是指标对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a binary file, not text; import the original .txt, .md, .docx, .pdf or .html file</source>
        <translation>{name} 是二进制文件，不是文本；请导入原始的 .txt、.md、.docx、.pdf 或 .html 文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is a binary file, not text (it looks like {kind}); import the original .txt, .md, .docx, .pdf or .html file</source>
        <translation>{name} 是二进制文件，不是文本（看起来是 {kind}）；请导入原始的 .txt、.md、.docx、.pdf 或 .html 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} texts are longer than the {limit:,} characters an XLSX cell holds ({cells}); nothing was written: export as CSV or JSON, which keep every character</source>
        <translation>有 {count} 段文字超过 XLSX 单元格可容纳的 {limit:,} 个字符（{cells}）；未写入任何文件：请导出为 CSV 或 JSON，它们会保留全部字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} would unpack to more than {limit_mb} MB (a damaged or malicious file); open it in its program, save a copy and use that</source>
        <translation>{name} 解压后将超过 {limit_mb} MB（文件已损坏或含恶意内容）；请用原程序打开，另存一份后使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} declares a DOCTYPE in {part}, which Office never writes (entities can hide or repeat text); open it in its program, save a copy and use that</source>
        <translation>{name} 在 {part} 中声明了 DOCTYPE，Office 从不写入此内容（实体可隐藏或重复文字）；请用原程序打开，另存一份后使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is damaged: it is not a readable zip archive; open it in its program, save a copy and use that</source>
        <translation>{name} 已损坏：不是可读的 zip 压缩包；请用原程序打开，另存一份后使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is damaged: its part {part} cannot be unpacked; open it in its program, save a copy and use that</source>
        <translation>{name} 已损坏：其中的 {part} 无法解压；请用原程序打开，另存一份后使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no backup {backup}; choose one from the list.</source>
        <translation>备份 {backup} 不存在；请从列表中选择一个备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No backup could be written to {folder} ({detail}); free some space there.</source>
        <translation>无法将备份写入 {folder}（{detail}）；请在该位置腾出一些空间。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{target} is the database {database} (or its journal); give another target.</source>
        <translation>{target} 是数据库 {database}（或其日志文件）；请另选复制目标。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The document&apos;s {name} cannot be changed.</source>
        <translation>文档的 {name} 不能修改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the document a title.</source>
        <translation>请填写文档标题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2025-12-20.</source>
        <translation>“{text}”不是日期；请按 YYYY-MM-DD 格式填写，例如 2025-12-20。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown format “{fmt}”; use {known}</source>
        <translation>未知的格式“{fmt}”；请使用 {known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown status “{status}”; use {known}</source>
        <translation>未知的状态“{status}”；请使用 {known}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown encoding “{encoding}”; use {known}</source>
        <translation>未知的编码“{encoding}”；请使用 {known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: {detail}; choose another folder or file name.</source>
        <translation>无法写入 {path}：{detail}；请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Cannot write {path}: {detail}</source>
        <translation>无法写入 {path}：{detail}</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Only an editor can merge catalog items; ask an editor or admin</source>
        <translation>只有编辑可以合并目录项；请联系编辑或管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different items to merge</source>
        <translation>请选择两个不同的目录项进行合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code “{code}” is already used by {name}</source>
        <translation>代码“{code}”已被 {name} 使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” is already in the catalog as {code}</source>
        <translation>“{name}”已在目录中，代码为 {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An item cannot be a part of itself</source>
        <translation>目录项不能是自身的分项</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown header language “{headers}”; use en or zh</source>
        <translation>未知的表头语言“{headers}”；请用 en 或 zh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the passage that states the value first</source>
        <translation>请先选中写明该数值的原文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That passage is not cited by this indicator</source>
        <translation>此指标没有引用这段原文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An indicator keeps at least one cited passage</source>
        <translation>每条指标至少要保留一段引文</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} “{value}” is not a number</source>
        <translation>{name}“{value}”不是数字</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{name} “{value}” is not a whole number</source>
        <translation>{name}“{value}”不是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a table of indicators (no name column); load reads files in the export format</source>
        <translation>{name} 不是指标表（没有 name 列）；load 只读取导出格式的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a comment first.</source>
        <translation>请先填写意见。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an admin can change the four-eyes rule.</source>
        <translation>只有管理员才能更改双人审核规则。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is the file of document {old} itself; a new version must differ from it.</source>
        <translation>{name} 就是文档 {old} 的文件本身；新版本必须与之不同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} has the same text as document {old}; there is nothing to re-anchor.</source>
        <translation>{name} 与文档 {old} 的文本相同，没有需要重新定位的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document {doc_id} already has entries or versions of its own; import the new file as the version instead.</source>
        <translation>文档 {doc_id} 已有自己的条目或版本；请改为把新文件作为新版本导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document {doc_id} has the same text as document {old}; there is nothing to re-anchor.</source>
        <translation>文档 {doc_id} 与文档 {old} 的文本相同，没有需要重新定位的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document {old} was already replaced by document {later}; import the new version onto the current one, document {current}.</source>
        <translation>文档 {old} 已被文档 {later} 取代；请把新版本导入到当前版本，即文档 {current}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is the open database {database} (or its journal), not a document or table; choose the file to import.</source>
        <translation>{path} 是已打开的数据库 {database}（或其日志文件），不是文档或表格；请选择要导入的文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: there is no folder {folder}; choose an existing folder.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在；请选择已有的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: it is the database {database} (or its journal); choose another file name.</source>
        <translation>无法写入 {path}：它就是数据库 {database}（或其日志文件）；请换一个文件名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: it is a folder; choose a file name.</source>
        <translation>无法写入 {path}：这是一个文件夹；请填写文件名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: it is not an ordinary file (a pipe or device); choose another file name.</source>
        <translation>无法写入 {path}：它不是普通文件（而是管道或设备）；请换一个文件名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: it is a database (or a backup); an export never replaces one. Choose another file name.</source>
        <translation>无法写入 {path}：它是数据库（或备份）；导出绝不会覆盖数据库。请换一个文件名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} exists already; open it with File → Open database, or choose a new name.</source>
        <translation>{path} 已存在；请用“文件 → 打开数据库”打开它，或换一个新名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the person&apos;s name.</source>
        <translation>请输入此人的姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role} is not a role; use one of {roles}.</source>
        <translation>{role} 不是有效的角色；请使用以下之一：{roles}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an admin can manage users and settings.</source>
        <translation>只有管理员才能管理用户和设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is too long for a login on the server: at most 63 bytes (21 Chinese characters).</source>
        <translation>{name} 太长，不能作为服务器上的登录名：最多 63 个字节（21 个汉字）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk users belong to a team database: open one with --db postgresql://…</source>
        <translation>工位用户只属于团队数据库：请用 --db postgresql://… 打开团队数据库。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is already a user; change their role instead.</source>
        <translation>{name} 已经是用户；请改为修改其角色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no user {name}.</source>
        <translation>没有名为 {name} 的用户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make someone else an admin first: a database needs one.</source>
        <translation>请先将另一人设为管理员：每个数据库都需要一位管理员。</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <location filename="../../src/indicite/ui/export_dialog.py" line="+334"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Exported {count} indicators to {files}</source>
        <translation>已导出 {count} 条指标到 {files}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location line="-193"/>
        <source>Export indicators</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDMX-CSV for statistical databases (.sdmx.csv)</source>
        <translation>SDMX-CSV，供统计数据库使用 (.sdmx.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UTF-8 with BOM (Excel)</source>
        <translation>UTF-8 带 BOM（Excel）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB18030 (older Chinese software)</source>
        <translation>GB18030（较旧的中文软件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English column names (name, value …)</source>
        <translation>英文列名（name、value …）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese (指标名称, 数值 …)</source>
        <translation>中文（指标名称、数值 …）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the open document</source>
        <translation>仅当前打开的文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV encoding:</source>
        <translation>CSV 编码：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statuses:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column headers:</source>
        <translation>列标题：</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick at least one status to export.</source>
        <translation>请至少勾选一种要导出的状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exported {done} of {total} indicators…</source>
        <translation>已导出 {done}/{total} 条指标…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/indicite/ui/document_view.py" line="-379"/>
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一处 (Shift+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (F3)</source>
        <translation>下一处 (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No match</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} of {total}</source>
        <translation>第 {n} 处，共 {total} 处</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="-97"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;team database…</source>
        <translation>打开团队数据库(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import documents…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set issuer, date and subject…</source>
        <translation>设置发布机构、日期和主体…</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../src/indicite/ui/help_pages.py" line="+111"/>
        <location line="+3"/>
        <location line="+39"/>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>&lt;b&gt;Open a document.&lt;/b&gt; File → Import documents… (Ctrl+I) reads .txt, .md, .docx, .pdf and .html files; the list on the left opens them.</source>
        <translation>&lt;b&gt;打开文档。&lt;/b&gt;文件 → 导入文档…（Ctrl+I）可读取 .txt、.md、.docx、.pdf 和 .html 文件；在左侧列表中点击即可打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Cite a value.&lt;/b&gt; Select the passage that states it and press Ctrl+Enter. The form fills in the value, unit and period; type the name and press Enter.</source>
        <translation>&lt;b&gt;引用一个数值。&lt;/b&gt;选中写有该数值的原文，按 Ctrl+Enter。表单会填好数值、单位和统计期；输入指标名称后按 Enter。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Or take a suggestion.&lt;/b&gt; N jumps to the next number not yet handled; Enter accepts it as a draft, Delete dismisses it.</source>
        <translation>&lt;b&gt;或采用建议。&lt;/b&gt;按 N 跳到下一个尚未处理的数字；按 Enter 采纳为草稿，按 Delete 忽略。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Submit for review.&lt;/b&gt; Select entries (Shift/Ctrl-click, Ctrl+A) and press Ctrl+Shift+S, or Review → Submit all drafts of this document.</source>
        <translation>&lt;b&gt;提交审核。&lt;/b&gt;选中条目（Shift/Ctrl 加点击，或 Ctrl+A）后按 Ctrl+Shift+S，或选择 审核 → 提交本文档的全部草稿。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Review.&lt;/b&gt; An editor signs in (File → Switch user…), opens Review → Review queue (Ctrl+Shift+R) and presses A to approve or R to return with a comment. Nobody approves their own entries; a grey button says why.</source>
        <translation>&lt;b&gt;审核。&lt;/b&gt;审核员登录（文件 → 切换用户…），打开 审核 → 审核队列（Ctrl+Shift+R），按 A 通过，按 R 附意见退回。任何人都不能审核通过自己录入的条目；灰色按钮会说明原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Export.&lt;/b&gt; File → Export… writes Excel, CSV or JSON for analysts.</source>
        <translation>&lt;b&gt;导出。&lt;/b&gt;文件 → 导出… 为分析人员生成 Excel、CSV 或 JSON 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Z undoes any change. Ctrl+= and Ctrl+- make the document text larger or smaller. Help → Keyboard shortcuts lists every key.</source>
        <translation>Ctrl+Z 可撤销任何修改。Ctrl+= 和 Ctrl+- 放大或缩小文档文字。帮助 → 键盘快捷键 列出所有按键。</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location line="+30"/>
        <source>&amp;Getting started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../src/indicite/ui/history_panel.py" line="+62"/>
        <source>from file {file}, row {row}</source>
        <translation>来自文件 {file}，第 {row} 行</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>characters {start}–{end}</source>
        <translation>字符 {start}–{end}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location line="+43"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../src/indicite/ui/background_import.py" line="+71"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading {name} by OCR: page {page} of {pages}…</source>
        <translation>正在识别 {name}：第 {page} 页，共 {pages} 页…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Some files were not imported</source>
        <translation>部分文件未导入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>IndicatorForm</name>
    <message>
        <location filename="../../src/indicite/ui/indicator_form.py" line="+203"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject</source>
        <translation>主体(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period</source>
        <translation>统计期(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From – to</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Measure</source>
        <translation>指标类型(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>数值类型(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Value</source>
        <translation>数值(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As &amp;written</source>
        <translation>原文写法(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What is measured, e.g. 规上工业增加值</source>
        <translation>指标名称，例如 规上工业增加值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number, e.g. 4.2</source>
        <translation>数值，例如 4.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (a range)</source>
        <translation>至（范围上限）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The high end of a range such as 7.0%—7.5%; empty for a single value</source>
        <translation>范围（如 7.0%—7.5%）的上限；单个数值时留空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD</source>
        <translation>如 2025-11-30</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the indicator (Enter)</source>
        <translation>保存指标 (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to catalog…</source>
        <translation>加入目录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make this name an indicator of the catalog, so entries can share it</source>
        <translation>把此名称加入指标目录，供各条目共用</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Not in the catalog</source>
        <translation>不在目录中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalog: {code} {name}</source>
        <translation>目录：{code} {name}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Select a passage in the document and press Ctrl+Enter.</source>
        <translation>在文档中选中一段原文，然后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{table} · row {row} · column {column}</source>
        <translation>{table} · 行：{row} · 列：{column}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indicator {id}</source>
        <translation>指标 {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No indicator selected</source>
        <translation>未选择指标</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Warning: the cited passage does not contain “{text}”.</source>
        <translation>注意：引用的原文中没有“{text}”。</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../src/indicite/ui/indicator_model.py" line="+66"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>指标类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>数值类型</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../src/indicite/ui/catalog/window.py" line="-216"/>
        <source>Edit catalog item</source>
        <translation>编辑目录项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to catalog</source>
        <translation>加入目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Aliases</source>
        <translation>别名(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Measure</source>
        <translation>度量(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Part of</source>
        <translation>上级指标(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other spellings, separated by |</source>
        <translation>其他写法，以 | 分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters and digits, e.g. IVA_YOY</source>
        <translation>字母和数字，如 IVA_YOY</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../src/indicite/ui/labels.py" line="+14"/>
        <source>Level (total)</source>
        <translation>总量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year-on-year growth</source>
        <translation>同比增长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth (other base)</source>
        <translation>增长（其他基期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average yearly growth</source>
        <translation>年均增长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change in level</source>
        <translation>增减量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change in percentage points</source>
        <translation>增减百分点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>exactly</source>
        <translation>等于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over</source>
        <translation>超过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least</source>
        <translation>不低于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under</source>
        <translation>不到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most</source>
        <translation>不超过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast</source>
        <translation>预计值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>计划值</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entry staff</source>
        <translation>录入员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citation added</source>
        <translation>添加引文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citation removed</source>
        <translation>移除引文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn from review</source>
        <translation>撤回审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loaded from file</source>
        <translation>从文件载入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approved</source>
        <comment>review outcome</comment>
        <translation>已通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <comment>review outcome</comment>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <comment>review outcome</comment>
        <translation>已修改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period start</source>
        <translation>统计期起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period end</source>
        <translation>统计期止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>指标类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base value</source>
        <translation>换算后数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base unit</source>
        <translation>换算后单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range up to</source>
        <translation>范围上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base value up to</source>
        <translation>基准值上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog item</source>
        <translation>目录项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citations</source>
        <translation>引文</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comment on</source>
        <translation>评论</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cited</source>
        <translation>人工引用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in place</source>
        <translation>原位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>已改变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last changed</source>
        <translation>最后修改</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../src/indicite/ui/i18n.py" line="+153"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/indicite/ui/main_window.py" line="+743"/>
        <source>Indicite</source>
        <translation>Indicite</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No document open</source>
        <translation>未打开文档</translation>
    </message>
    <message>
        <location line="-405"/>
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
        <translation>文档(&amp;D)</translation>
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
        <translation>在文档中查找(&amp;F)</translation>
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
        <translation>搜索文档(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload from database</source>
        <translation>从数据库重新载入(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Properties…</source>
        <translation>属性(&amp;P)…</translation>
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
        <translation>下一条指标(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous indicator</source>
        <translation>上一条指标(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter indicators</source>
        <translation>筛选指标(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;document</source>
        <translation>转到文档(&amp;D)</translation>
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
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by name, subject, period, unit</source>
        <translation>按名称、主体、统计期、单位筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Saved the properties of “{title}”.</source>
        <translation>已保存“{title}”的属性。</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Selection widened to the whole number: “{text}”</source>
        <translation>选区已扩展为完整数字：“{text}”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select a passage in the document first.</source>
        <translation>请先在文档中选中一段原文。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select an indicator and a passage in the document first.</source>
        <translation>请先选择一条指标，并在文档中选中一段原文。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Passage added to “{name}”.</source>
        <translation>已将这段原文添加为“{name}”的引文。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Deleted “{name}” ({keys} undoes).</source>
        <translation>已删除“{name}”（按 {keys} 撤销）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Someone else changed this entry since you opened it; reload it to see their change, then edit again.</source>
        <translation>在您打开此条目后，有其他人修改了它；请重新载入查看对方的修改，然后再编辑。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved “{name}”.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{title} – Indicite</source>
        <translation>{title} – Indicite</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Unsaved indicator</source>
        <translation>指标尚未保存</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The indicator in the form is not saved yet. Save it before closing?</source>
        <translation>表单中的指标尚未保存。关闭前是否保存？</translation>
    </message>
</context>
<context>
    <name>NewDatabaseAction</name>
    <message>
        <location filename="../../src/indicite/ui/new_database.py" line="+33"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indicite databases (*.sqlite)</source>
        <translation>Indicite 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No database was created</source>
        <translation>未创建数据库</translation>
    </message>
</context>
<context>
    <name>RecentDatabasesMenu</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="-122"/>
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
    <name>RestoreAction</name>
    <message>
        <location filename="../../src/indicite/ui/restore_dialog.py" line="+103"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A team database is backed up by its server; ask the server&apos;s administrator to restore one.</source>
        <translation>团队数据库由服务器负责备份；如需恢复，请联系服务器管理员。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup was restored.</source>
        <translation>已从备份恢复。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location line="-84"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the backup to put back. What the database holds now is backed up first, so you can come back to it.</source>
        <translation>请选择要恢复的备份。恢复前会先备份数据库的当前内容，以便需要时还原。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no backups of this database yet.</source>
        <translation>此数据库还没有备份。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>What was recorded after {time} cannot be told: the history of the backup or of the database cannot be read.</source>
        <translation>无法得知 {time} 之后记录了哪些内容：备份或数据库的历史记录无法读取。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was recorded after {time}: restoring this backup loses no work.</source>
        <translation>{time} 之后没有新的记录：恢复此备份不会丢失任何工作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restoring the backup of {time} loses what was recorded after it: {decisions} review decisions, {entries} new entries and {others} other changes.</source>
        <translation>恢复 {time} 的备份将丢失此后记录的内容：{decisions} 项审核决定、{entries} 条新录入和 {others} 项其他修改。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The backup was not restored</source>
        <translation>未能恢复备份</translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <location filename="../../src/indicite/ui/review_view.py" line="+630"/>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review &amp;queue</source>
        <translation>审核队列(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Submit for review</source>
        <translation>提交审核(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approve</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;turn with comment…</source>
        <translation>退回并填写意见(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;open with comment…</source>
        <translation>重新打开并填写意见(&amp;O)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Users and roles…</source>
        <translation>用户和角色(&amp;U)…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Select an entry in the indicator list first.</source>
        <translation>请先在指标列表中选择一个条目。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why? (the enterer will see this)</source>
        <translation>原因（录入人将看到此意见）</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location line="-818"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The quoted passage holds characters OCR read with low confidence (dotted underline): compare it with the page image before approving.</source>
        <translation>引用的段落中有 OCR 识别置信度低的字符（虚线下划线）：批准前请对照原图核对。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every cited passage still reads as quoted in the document.</source>
        <translation>所有引文与文档原文一致。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open now at another desk by {names}: a change of yours may meet theirs</source>
        <translation>{names} 正在另一台电脑上打开此条目：您的修改可能与其修改冲突</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Open: {names}] {name}</source>
        <translation>【打开中：{names}】{name}</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location line="+186"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submitted from</source>
        <translation>提交时间从</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approve selected</source>
        <translation>通过所选条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only entries with warnings</source>
        <translation>仅显示有警告的条目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review queue: approve</source>
        <translation>审核队列：通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue: return with a comment</source>
        <translation>审核队列：附意见退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue: edit</source>
        <translation>审核队列：编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue: next entry</source>
        <translation>审核队列：下一条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue: previous entry</source>
        <translation>审核队列：上一条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Approve (A)</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Return (R)</source>
        <translation>退回(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit (E)</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why is it returned? Enter sends it back, Esc cancels</source>
        <translation>填写退回原因：按 Enter 退回，按 Esc 取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period start</source>
        <translation>统计期起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period end</source>
        <translation>统计期止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>指标类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base value</source>
        <translation>换算后数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base unit</source>
        <translation>换算后单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range up to</source>
        <translation>范围上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base value up to</source>
        <translation>基准值上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog item</source>
        <translation>目录项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cited</source>
        <translation>引文</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="-370"/>
        <source>Check: ✓ every cited passage matches the document · ⚠ a passage no longer matches (point at it to see why) · Approved, Returned, Edited: what you did in this pass.</source>
        <translation>检查：✓ 所有引文与文档一致 · ⚠ 有引文与文档不再一致（鼠标悬停查看原因）· 已通过、已退回、已编辑：本轮您所做的处理。</translation>
    </message>
    <message>
        <location line="+450"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>{n} of {total}</source>
        <translation>第 {n} 条，共 {total} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to review</source>
        <translation>没有待审核的条目</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{new}  (was: {old})</source>
        <translation>{new}  （原为：{old}）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{status} · entered by {who}</source>
        <translation>{status} · 录入人：{who}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · open at another desk by {names}</source>
        <translation> · 打开中：{names}</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Approved {n}.</source>
        <translation>已通过 {n} 条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped {n}:</source>
        <translation>跳过 {n} 条：</translation>
    </message>
</context>
<context>
    <name>RevisionPassages</name>
    <message>
        <location filename="../../src/indicite/ui/revisions/report_dialog.py" line="+16"/>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>现文</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not in the new version: cite it again</source>
        <translation>新版本中没有这段文字：请重新引用</translation>
    </message>
</context>
<context>
    <name>RevisionReportDialog</name>
    <message>
        <location line="+7"/>
        <source>New version imported</source>
        <translation>已导入新版本</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Version {version} replaces document {old}. %n citation(s) re-anchored: {counts}. Entries whose number changed went back to review.</source>
        <translation>
            <numerusform>第 {version} 版取代文档 {old}。已重新定位 %n 处引用：{counts}。数字有变化的条目已退回审核。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <location filename="../../src/indicite/ui/catalog/series.py" line="+66"/>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>度量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>SeriesView</name>
    <message>
        <location line="+62"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} · {subject} · {count} entries</source>
        <translation>{name} · {subject} · {count} 条</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../src/indicite/ui/help_pages.py" line="-102"/>
        <location line="+3"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lists and the review queue</source>
        <translation>列表与审核队列</translation>
    </message>
</context>
<context>
    <name>SignedInLabel</name>
    <message>
        <location filename="../../src/indicite/ui/signed_in.py" line="+37"/>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File → Switch user… signs in as someone else.</source>
        <translation>文件 → 切换用户… 可换成其他人登录。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/indicite/ui/start_page.py" line="-99"/>
        <source>Welcome to Indicite</source>
        <translation>欢迎使用 Indicite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database has no documents yet. Start with one of these:</source>
        <translation>此数据库中还没有文档。可以从以下任一方式开始：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import a document…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Word, PDF, web page or text file. You can also drop files on this window.</source>
        <translation>Word、PDF、网页或文本文件。也可以直接把文件拖到此窗口中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;sample document</source>
        <translation>打开示例文档(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A report by the Tianjin industry bureau, to try Indicite out.</source>
        <translation>天津市工业和信息化局的一篇报道，可用来试用 Indicite。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another &amp;database…</source>
        <translation>打开其他数据库(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An Indicite database file that you or a colleague made earlier.</source>
        <translation>您或同事以前创建的 Indicite 数据库文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a &amp;team database…</source>
        <translation>打开团队数据库(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A database on your office&apos;s PostgreSQL server that the whole team shares.</source>
        <translation>单位 PostgreSQL 服务器上的数据库，全组共用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent databases:</source>
        <translation>最近打开的数据库：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>文档 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+185"/>
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
        <location filename="../../src/indicite/ui/indicator_model.py" line="-36"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>StatusNotice</name>
    <message>
        <location filename="../../src/indicite/ui/comments_panel.py" line="+39"/>
        <source>Returned by {who}: {body}</source>
        <translation>{who} 退回：{body}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved by {who}; an editor must reopen it before it can change.</source>
        <translation>已由 {who} 审核通过；须由审核员重新打开后才能修改。</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <location filename="../../src/indicite/ui/suggestions_model.py" line="+56"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>数值类型</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../src/indicite/ui/suggestions_panel.py" line="+102"/>
        <source>Accept “{value}”</source>
        <translation>采纳“{value}”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dismiss “{value}”</source>
        <translation>忽略“{value}”</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>&amp;Accept suggestion</source>
        <translation>采纳建议(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss suggestion</source>
        <translation>忽略建议(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;unhandled number</source>
        <translation>下一个未处理的数字(&amp;U)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Suggestions failed: {reason}</source>
        <translation>无法生成建议：{reason}</translation>
    </message>
</context>
<context>
    <name>SwitchUserAction</name>
    <message>
        <location filename="../../src/indicite/ui/signed_in.py" line="+20"/>
        <source>Switch &amp;user…</source>
        <translation>切换用户(&amp;U)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The indicator in the form is not saved yet. Save it before switching?</source>
        <translation>表单中的指标尚未保存。切换前要保存吗？</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <location filename="../../src/indicite/ui/team/connect_dialog.py" line="+114"/>
        <source>Open team database</source>
        <translation>打开团队数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A database on your office&apos;s PostgreSQL server, shared by the whole team. Fill in the fields, or paste the address your administrator gave you.</source>
        <translation>单位 PostgreSQL 服务器上的数据库，全组共用。请填写下列各项，或粘贴管理员提供的地址。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Address (URL):</source>
        <translation>地址(URL)(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encryption (TLS):</source>
        <translation>加密(TLS)(&amp;E)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. db.stats.local</source>
        <translation>例如 db.stats.local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: from ~/.pgpass, PGPASSWORD or the keychain</source>
        <translation>留空：从 ~/.pgpass、PGPASSWORD 或系统钥匙串读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remember in the system keychain</source>
        <translation>保存到系统钥匙串(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is kept by the operating system, never in Indicite&apos;s settings.</source>
        <translation>密码由操作系统保管，绝不写入 Indicite 的设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This system has no keychain; keep the password in ~/.pgpass instead, or type it each time.</source>
        <translation>本系统没有可用的钥匙串；请将密码保存在 ~/.pgpass 中，或每次输入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if the server wants it</source>
        <translation>仅在服务器要求时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the server offers it (default)</source>
        <translation>服务器支持时使用（默认）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>必须加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required, with the server&apos;s certificate checked</source>
        <translation>必须加密，并验证服务器证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required, with the certificate and server name checked</source>
        <translation>必须加密，并验证证书和服务器名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Give the name of the database.</source>
        <translation>请填写数据库名称。</translation>
    </message>
</context>
<context>
    <name>TeamOpener</name>
    <message>
        <location filename="../../src/indicite/ui/team/opening.py" line="+48"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>TextZoom</name>
    <message>
        <location filename="../../src/indicite/ui/comfort.py" line="-101"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../src/indicite/ui/undo.py" line="+85"/>
        <source>Create “{name}”</source>
        <translation>新建“{name}”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Edit “{name}”</source>
        <translation>修改“{name}”</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Delete “{name}”</source>
        <translation>删除“{name}”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cite another passage for “{name}”</source>
        <translation>为“{name}”再引用一段原文</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Submit {n} entries</source>
        <translation>提交 {n} 条</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete {n} entries</source>
        <translation>删除 {n} 条</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Edit {n} entries</source>
        <translation>修改 {n} 条</translation>
    </message>
</context>
<context>
    <name>UserPrompt</name>
    <message>
        <location filename="../../src/indicite/ui/user_prompt.py" line="+23"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name, as the history of each entry will show it:</source>
        <translation>您的姓名（将显示在每个条目的修改记录中）：</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../src/indicite/ui/users_dialog.py" line="+124"/>
        <source>Users and roles</source>
        <translation>用户和角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of a new user</source>
        <translation>新用户的姓名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Four eyes: an editor cannot approve an entry they entered or last changed</source>
        <translation>双人复核：审核员不能审核通过自己录入或最后修改的条目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Roles guard against mistakes, not against someone who edits the database file.</source>
        <translation>角色用于防止误操作，无法阻止有人直接修改数据库文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an admin can change users, roles and the four-eyes rule.</source>
        <translation>只有管理员才能更改用户、角色和双人复核规则。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected user:</source>
        <translation>所选用户：</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location line="-90"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>加入时间</translation>
    </message>
</context>
<context>
    <name>VersionActions</name>
    <message>
        <location filename="../../src/indicite/ui/revisions/actions.py" line="+53"/>
        <source>Import &amp;new version…</source>
        <translation>导入新版本(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Versions…</source>
        <translation>版本(&amp;V)…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>A new version?</source>
        <translation>是新版本吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” has the same title and issuer (or URL) as document {old} “{title}”. Make it the new version of that document? Its entries move to the new text and their citations are placed in it; changed numbers go back to review.</source>
        <translation>“{name}”与文档 {old}“{title}”的标题和发布机构（或网址）相同。要把它作为该文档的新版本吗？原有条目将转到新文本，引用会在新文本中重新定位；数字有变化的条目将退回审核。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Placing the citations in the new text…</source>
        <translation>正在新文本中定位引用…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../src/indicite/ui/revisions/versions_dialog.py" line="+72"/>
        <source>Versions of “{title}”</source>
        <translation>“{title}”的各个版本</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n entry(ies) to look at: their cited passage changed or was not found.</source>
        <translation>
            <numerusform>%n 个条目需要查看：其引用的文字已改变或未找到。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No entry needs looking at: every citation was found unchanged.</source>
        <translation>没有需要查看的条目：所有引用都原样找到。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The first version.</source>
        <translation>第一版。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n change(s) from version {old} to version {new}.</source>
        <translation>
            <numerusform>从第 {old} 版到第 {new} 版共有 %n 处改动。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Before</source>
        <translation>原文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>现文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Citations</source>
        <translation>引用</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location line="-73"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>导入人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citations</source>
        <translation>引用</translation>
    </message>
</context>
</TS>
