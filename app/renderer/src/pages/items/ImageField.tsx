/**
 * An item's images: pasted from the clipboard or uploaded, saved by content (`images.put`, which
 * checks the bytes: PNG, JPEG or SVG rendered to PNG), referred to by SHA-256, shown through
 * `images.get` as blob: URLs (the CSP allows blob: images; no markup is injected).
 */
import { App, Button, Space, Spin, Typography, Upload } from 'antd';
import { useEffect, useState, type ClipboardEvent } from 'react';
import { api, errorMessage } from '../../api/client.js';
import { itemsText } from './text.js';

const t = itemsText.images;

/** One stored image, loaded by its hash. */
export function ItemImage(props: { bankId: number; sha256: string; maxWidth?: number }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    api['images.get']({ bankId: props.bankId, sha256: props.sha256 }).then(
      (img) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([img.bytes as Uint8Array<ArrayBuffer>], { type: img.contentType }));
        setUrl(made);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [props.bankId, props.sha256]);
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  if (!url) return <Spin size="small" description={t.loading} />;
  return <img data-testid="item-image" data-sha256={props.sha256} src={url} alt={props.sha256.slice(0, 12)} style={{ maxWidth: props.maxWidth ?? 240, maxHeight: 240, border: '1px solid #f0f0f0' }} />;
}

/** Saves the bytes as an image of the bank; resolves to its hash (rejects with the service's message). */
async function putImage(bankId: number, blob: Blob): Promise<{ sha256: string; width: number; height: number }> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return api['images.put']({ bankId, bytes });
}

/** The first image file of a paste, if any (text pastes are left alone). */
function pastedImage(e: ClipboardEvent): File | null {
  for (const item of Array.from(e.clipboardData.items)) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return null;
}

/** A form control: `value` the hashes, `onChange` with the new list. */
export function ImageField(props: { bankId: number; value?: readonly string[]; onChange?: (value: string[]) => void; disabled?: boolean }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const value = props.value ?? [];
  const add = async (blob: Blob) => {
    setBusy(true);
    try {
      const img = await putImage(props.bankId, blob);
      if (!value.includes(img.sha256)) props.onChange?.([...value, img.sha256]);
      void message.success(t.added(img.width, img.height));
    } catch (e) {
      void message.error({ content: <span data-testid="image-error">{errorMessage(e)}</span> });
    } finally {
      setBusy(false);
    }
  };
  const onPaste = (e: ClipboardEvent) => {
    const file = pastedImage(e);
    if (!file) return;
    e.preventDefault();
    void add(file);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {value.map((hash) => (
          <Space key={hash} orientation="vertical" size={2}>
            <ItemImage bankId={props.bankId} sha256={hash} maxWidth={180} />
            {!props.disabled && (
              <Button size="small" onClick={() => props.onChange?.(value.filter((h) => h !== hash))}>
                {t.remove}
              </Button>
            )}
          </Space>
        ))}
      </Space>
      {!props.disabled && (
        <Space>
          <div
            data-testid="image-paste"
            tabIndex={0}
            role="button"
            onPaste={onPaste}
            style={{ border: '1px dashed #bfbfbf', borderRadius: 6, padding: '6px 12px', color: '#8c8c8c', cursor: 'text' }}
          >
            {busy ? <Spin size="small" /> : t.paste}
          </div>
          <Upload
            accept="image/png,image/jpeg,image/svg+xml"
            showUploadList={false}
            beforeUpload={(file) => {
              void add(file);
              return false;
            }}
          >
            <Button data-testid="image-upload">{t.upload}</Button>
          </Upload>
        </Space>
      )}
    </Space>
  );
}
