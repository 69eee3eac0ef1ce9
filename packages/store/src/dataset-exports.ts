export type {
  Attachment,
  DatasetStore,
  DatasetStoreError,
  DatasetSummary,
  NewDataset,
  StoredDataset,
} from './dataset-store';
export { createSqlDatasetStore } from './sql-dataset-store';
export { createFileKeyring, createMemoryKeyring, type Keyring } from './dataset-keyring';
