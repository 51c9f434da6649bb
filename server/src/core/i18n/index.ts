export { LOCALES, resolveLocale, type Locale } from './locale';
export { allCatalogs, defineCatalog, fill, placeholders, type Catalog, type MessageArgs } from './catalog';
