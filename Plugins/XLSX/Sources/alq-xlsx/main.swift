// alq-xlsx: the first-party plugin for Excel workbooks: the `xlsx` export format and the reader behind
// `open("f.xlsx")`, served from one executable on the plugin kit.

import ALQPluginKit

PluginKit.run(name: "xlsx", version: XLSXWriter.pluginVersion, formats: [XLSXWriter()], readers: [XLSXReader()])
