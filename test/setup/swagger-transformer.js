// Applies the Swagger CLI plugin under ts-jest, as `nest build` does (nest-cli.json), so the
// e2e suite sees the same OpenAPI document as production.
const swaggerPlugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  swaggerPlugin.before(
    { classValidatorShim: true, introspectComments: true, controllerKeyOfComment: 'description', dtoFileNameSuffix: ['.dto.ts', '.entity.ts'] },
    compiler.program,
  );
