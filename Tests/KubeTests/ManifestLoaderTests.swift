import Foundation
import XCTest
import PalisadeCore
@testable import Kube

final class KubeManifestLoaderTests: XCTestCase {
    private let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: {app: web}
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx
        """

    func testMultiDocumentYAMLKeepsLines() throws {
        let dir = try KubeTempDirectory()
        let file = try dir.write("all.yaml", """
            # leading comment
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            \(deployment)
            ---
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            """)
        let set = ManifestLoader().load(paths: [file])
        XCTAssertEqual(set.errors.map(\.description), [])
        XCTAssertEqual(set.objects.map(\.kind), ["Namespace", "Deployment", "Service"])
        XCTAssertEqual(set.objects.map { $0.location?.line }, [2, 7, 21])
        XCTAssertEqual(set.objects[1].ref.description, "Deployment shop/web")
        XCTAssertEqual(set.objects[1].labels, ["app": "web"])
        XCTAssertEqual(set.objects[1].group, "apps")
        XCTAssertEqual(set.objects[1].version, "v1")
        XCTAssertEqual(set.objects[0].isClusterScoped, true)
        XCTAssertEqual(set.files, [file])
    }

    func testBrokenDocumentReportsLineAndOthersLoad() throws {
        let dir = try KubeTempDirectory()
        let broken = try dir.write("a-broken.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: one}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: two
               bad: indentation
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: three}
            """)
        try dir.write("b-good.yaml", deployment)
        let set = ManifestLoader().load(paths: [dir.path])
        XCTAssertEqual(set.objects.map(\.name), ["one", "three", "web"])
        XCTAssertEqual(set.errors.count, 1)
        let location = try XCTUnwrap(set.errors.first?.location)
        XCTAssertEqual(location.file, broken)
        XCTAssertEqual(location.line, 9)
        XCTAssertEqual(set.objects[1].location?.line, 11)
    }

    func testUnterminatedQuoteReportsLine() {
        let set = ManifestLoader().load(text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"oops\n", file: "pod.yaml")
        XCTAssertEqual(set.objects.count, 0)
        XCTAssertEqual(set.errors.count, 1)
        XCTAssertEqual(set.errors.first?.location?.file, "pod.yaml")
        XCTAssertGreaterThanOrEqual(set.errors.first?.location?.line ?? 0, 4)
        XCTAssertTrue(set.errors.first?.message.hasPrefix("invalid YAML") ?? false)
    }

    func testNonKubernetesYAMLIsSkippedWithNotice() {
        let set = ManifestLoader().load(text: """
            replicaCount: 2
            image: {repository: nginx}
            ---
            - just
            - a list
            ---
            kind: Pod
            ---
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [a.yaml]
            """, file: "values.yaml")
        XCTAssertEqual(set.objects.count, 0)
        XCTAssertEqual(set.errors.count, 0)
        XCTAssertEqual(set.notices.map(\.description), [
            "values.yaml:1:1: document has no apiVersion or kind, not a Kubernetes object; skipped",
            "values.yaml:4:1: document is an array, not a Kubernetes object; skipped",
            "values.yaml:7:1: document has no string apiVersion, not a Kubernetes object; skipped",
            "values.yaml:9:1: Kustomization is kustomize configuration, skipped: scan the output of `kubectl kustomize` instead",
        ])
    }

    func testListsAreExpanded() {
        let set = ManifestLoader().load(text: """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ServiceAccount
              metadata: {name: sa}
            - apiVersion: v1
              kind: PodList
              items:
              - metadata: {name: p1, namespace: ns}
                spec: {containers: [{name: c, image: busybox}]}
            - 42
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBindingList
            items:
            - metadata: {name: rb, namespace: ns}
              roleRef: {kind: Role, name: r, apiGroup: rbac.authorization.k8s.io}
            """, file: "list.yaml")
        XCTAssertEqual(set.objects.map { "\($0.apiVersion) \($0.kind) \($0.name)" },
                       ["v1 ServiceAccount sa", "v1 Pod p1", "rbac.authorization.k8s.io/v1 RoleBinding rb"])
        XCTAssertEqual(set.objects.map { $0.location?.line }, [1, 1, 14])
        XCTAssertEqual(set.notices.map(\.description), ["list.yaml:1:1: item 2 of List is not an object, skipped"])
    }

    func testJSONFilesAndStreams() throws {
        let dir = try KubeTempDirectory()
        let single = try dir.write("list.json", """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": []}}
            ]}
            """)
        let stream = try dir.write("stream.json", """
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "one"}}
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "two", "x": tru}}
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "three"}, "data": {"k": "} {"}}
            """)
        let set = ManifestLoader().load(paths: [single, stream])
        XCTAssertEqual(set.objects.map(\.name), ["a", "one", "three"])
        XCTAssertEqual(set.objects.map { $0.location?.line }, [1, 1, 4])
        XCTAssertEqual(set.errors.count, 1)
        XCTAssertEqual(set.errors.first?.location?.file, stream)
        XCTAssertEqual(set.errors.first?.location?.line, 3)
    }

    func testYAMLFlowDocumentStartingWithBrace() {
        let set = ManifestLoader().load(text: "{apiVersion: v1, kind: Namespace, metadata: {name: x}}\n", file: "ns.yaml")
        XCTAssertEqual(set.errors.count, 0)
        XCTAssertEqual(set.objects.first?.name, "x")
    }

    func testHelmOutputKeepsLinesAndTemplates() {
        let set = ManifestLoader().load(text: """
            ---
            # Source: shop/templates/empty.yaml
            ---
            # Source: shop/templates/sa.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: shop
            ---
            # Source: shop/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
            spec:
              template:
                spec:
                  containers: [{name: app, image: "shop:1"}]
            """, file: "-")
        XCTAssertEqual(set.errors.count, 0)
        XCTAssertEqual(set.objects.map(\.template), ["shop/templates/sa.yaml", "shop/templates/deployment.yaml"])
        XCTAssertEqual(set.objects.map { $0.location?.line }, [5, 11])
        XCTAssertEqual(set.objects[1].ref.template, "shop/templates/deployment.yaml")
        XCTAssertEqual(set.notices.count, 0)
    }

    func testDirectoryWalkIsRecursiveSortedAndFiltered() throws {
        let dir = try KubeTempDirectory()
        try dir.write("z/deep/one.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\n")
        try dir.write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: top}\n")
        try dir.write("README.md", "# not a manifest\n")
        try dir.write(".git/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hidden}\n")
        try dir.write("m/pod.JSON", #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}"#)
        let explicit = try dir.write("rendered.txt", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: explicit}\n")
        let set = ManifestLoader().load(paths: [dir.path, explicit])
        XCTAssertEqual(set.objects.map(\.name), ["top", "p", "deep", "explicit"])
        XCTAssertEqual(set.errors.count, 0)
    }

    func testStandardInputAndMissingFile() {
        let loader = ManifestLoader(standardInput: { _ in Array("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n".utf8) })
        let set = loader.load(paths: ["-", "/nonexistent/palisade.yaml"])
        XCTAssertEqual(set.objects.map(\.name), ["s"])
        XCTAssertEqual(set.objects.first?.location?.file, "-")
        XCTAssertEqual(set.errors.map(\.description), ["/nonexistent/palisade.yaml:1:1: no such file or directory"])
        XCTAssertEqual(set.files, ["-", "/nonexistent/palisade.yaml"])
    }

    func testSizeLimit() throws {
        let dir = try KubeTempDirectory()
        let big = try dir.write("big.yaml", String(repeating: "# padding\n", count: 200))
        let set = ManifestLoader(maxFileSize: 1024).load(paths: [big])
        XCTAssertEqual(set.errors.count, 1)
        XCTAssertTrue(set.errors.first?.description.contains("big.yaml:1:1: input is larger than") ?? false, "\(set.errors)")
        let stdin = ManifestLoader(maxFileSize: 10, standardInput: { limit in
            try BoundedReader.read(FileHandle(forReadingAtPath: big)!, limit: limit, name: "-")
        }).load(paths: ["-"])
        XCTAssertEqual(stdin.errors.first?.location?.file, "-")
    }

    func testEncodings() {
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array("apiVersion: v1\nkind: Namespace\nmetadata: {name: u}\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(ManifestLoader().load(bytes: utf16, file: "u.yaml").objects.first?.name, "u")
        let bom = [UInt8]([0xEF, 0xBB, 0xBF]) + Array("apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n".utf8)
        XCTAssertEqual(ManifestLoader().load(bytes: bom, file: "b.yaml").objects.first?.name, "b")
        let invalid = Array("apiVersion: v1\nkind: x\n".utf8) + [0xC3, 0x28]
        let set = ManifestLoader().load(bytes: invalid, file: "bad.yaml")
        XCTAssertEqual(set.errors.map(\.description), ["bad.yaml:3:1: file is not UTF-8 text"])
    }

    func testCRLFAndDirectives() {
        let set = ManifestLoader().load(text: "%YAML 1.1\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: a}\r\n...\r\n%YAML 1.1\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: b}\r\n", file: "d.yaml")
        XCTAssertEqual(set.errors.map(\.description), [])
        XCTAssertEqual(set.objects.map(\.name), ["a", "b"])
        XCTAssertEqual(set.objects.map { $0.location?.line }, [3, 9])
    }
}

final class KubeManifestLimitsTests: XCTestCase {
    func testAliasExpansionIsBoundedPerFile() {
        let bomb = """
            ---
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            """
        var decoder = ManifestDecoder()
        decoder.maxNodesPerFile = 50_000
        let set = decoder.decode(String(repeating: bomb + "\n", count: 10), file: "bomb.yaml", preferJSON: false)
        XCTAssertEqual(set.notices.count, 5)
        XCTAssertEqual(set.errors.map(\.description), ["bomb.yaml:26:1: file expands to more than 50000 YAML nodes; the rest of the file is skipped"])
    }

    func testTooManyBrokenDocuments() {
        var decoder = ManifestDecoder()
        decoder.maxErrorsPerFile = 3
        let set = decoder.decode(String(repeating: "---\na: [\n", count: 5), file: "x.yaml", preferJSON: false)
        XCTAssertEqual(set.errors.count, 4)
        XCTAssertEqual(set.errors.last?.description, "x.yaml:7:1: more than 3 broken documents; the rest of the file is skipped")
    }
}

final class KubeManifestDirectoryNoticeTests: XCTestCase {
    func testEmptyDirectoryGetsANotice() throws {
        let dir = try KubeTempDirectory()
        try dir.write("notes.txt", "nothing here")
        let set = ManifestLoader().load(paths: [dir.path])
        XCTAssertEqual(set.notices.map(\.description), ["\(dir.path):1:1: directory has no manifest files (*.json, *.yaml, *.yml)"])
        XCTAssertEqual(set.objects.count, 0)
    }
}
