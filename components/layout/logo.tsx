export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#0f3d3e" stroke="#7ee0c3" strokeWidth="1" />
      <path d="M7 22h4v-6H7zm7 0h4V10h-4zm7 0h4V6h-4z" fill="#7ee0c3" />
    </svg>
  );
}
