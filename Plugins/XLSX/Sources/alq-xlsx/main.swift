import ALQPluginKit
import XLSX

PluginKit.run(XLSXExport())
