import Foundation
import PalisadeCore
import Rego

/// The library modules every Kubescape rule may import (`data.cautils`,
/// `data.designators`, `data.kubernetes.api.client`). They ship with
/// Kubescape's regolibrary in its `deps/` folder; Palisade reads them from
/// there rather than carrying a copy.
public enum KubescapeDependencies {
    static let maxFileSize = 4 << 20

    /// Every `*.rego` file in `directory` (a regolibrary's `deps/`), sorted by
    /// name. A missing directory gives no modules; rules that import them then
    /// fail to compile with the import named.
    public static func load(from directory: String) throws -> [RegoSource] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return try names.filter { $0.hasSuffix(".rego") }.sorted().map { file in
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError("cannot read file", at: SourceLocation(file: path, line: 1, column: 1))
            }
            guard data.count <= maxFileSize else {
                throw InputError("file is larger than \(maxFileSize) bytes", at: SourceLocation(file: path, line: 1, column: 1))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError("file is not UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
            }
            return RegoSource(file: path, text: text)
        }
    }
}
