// Each test file boots its own Medusa; MikroORM's metadata must not leak between them.
const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()
