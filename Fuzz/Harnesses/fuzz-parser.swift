// fuzz-targets: ALQSyntax
// The lexer and parser: any bytes are decoded as a source file (invalid UTF-8 is a diagnostic) and
// parsed; every syntax error must carry a span inside the file.
import ALQSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let file) = SourceFile.decode(name: "<fuzz>", bytes: bytes) else { return 0 }
    let (_, diagnostics) = Parser.parse(file)
    for diagnostic in diagnostics {
        if let span = diagnostic.span {
            precondition(span.start >= 0 && span.start <= span.end && span.end <= file.bytes.count, "span outside file")
            _ = file.location(of: span.start)
        }
    }
    return 0
}
